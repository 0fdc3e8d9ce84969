package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.PORT;
import static org.remediation.console.cloud.Attributes.PROTOCOL;
import static org.remediation.console.cloud.Attributes.REQUEST_PATH;
import static org.remediation.console.cloud.Attributes.UNHEALTHY_THRESHOLD;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/**
 * What a load-balancer health check probes: its port and, for HTTP, HTTPS and HTTP/2 checks, its
 * request path (the #1278 seed moves the check to {@code /health/basic} on port 8000). A separate
 * action from {@code health-check}: that one tunes timing, which every protocol has; this one depends
 * on the protocol, and each keeps its own exact rollback.
 */
final class HealthCheckTargetAction extends AbstractAction {

    /**
     * RFC 3986 path characters (unreserved, percent-encoded, sub-delims, ':', '@', '/'); Compute's
     * requestPath "must comply with RFC3986" and "does not support query parameters"
     * (https://cloud.google.com/compute/docs/reference/rest/v1/healthChecks).
     */
    private static final Pattern PATH = Pattern.compile("/([A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*");
    /** Longest path accepted [unverified: Compute documents no limit we could find; 1024 is conservative]. */
    static final int MAX_PATH = 1024;

    @Override
    public ActionKind kind() {
        return ActionKind.HEALTH_CHECK_TARGET;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(REQUEST_PATH, "Request path", "starts with '/', no query string, up to " + MAX_PATH
                        + " characters; HTTP, HTTPS and HTTP/2 checks only", false),
                new ParamSpec(PORT, "Port", "1–65535", false));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        intParam(problems, params, PORT, "Port", 1, 65535, false);
        String path = params.getOrDefault(REQUEST_PATH, "").trim();
        if (!path.isEmpty()) {
            String problem = pathProblem(path);
            if (problem != null) {
                problems.add(REQUEST_PATH, problem);
            }
        }
        if (problems.isEmpty() && path.isEmpty() && params.getOrDefault(PORT, "").isBlank()) {
            problems.add(REQUEST_PATH, "Give a request path, a port, or both.");
        }
    }

    static @Nullable String pathProblem(String path) {
        if (!path.startsWith("/")) {
            return "The request path must start with '/' (got '" + path + "').";
        }
        if (path.contains("?")) {
            return "Health checks send no query string: remove the part from '?' on.";
        }
        if (path.length() > MAX_PATH) {
            return "The request path may be at most " + MAX_PATH + " characters (got " + path.length() + ").";
        }
        if (!PATH.matcher(path).matches()) {
            return "The request path holds characters a URL path cannot (spaces, quotes, '#', …); percent-encode them.";
        }
        return null;
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        String path = params.getOrDefault(REQUEST_PATH, "").trim();
        Integer port = checkedInt(problems, params, PORT);
        Optional<HealthCheckProtocol> protocol = HealthCheckProtocol.of(live);
        if (protocol.isEmpty()) {
            problems.add(REQUEST_PATH, live.ref().name() + " reports protocol '" + live.get(PROTOCOL).orElse("none")
                    + "', which this console cannot change.");
        } else if (!path.isEmpty() && !protocol.get().hasRequestPath()) {
            problems.add(REQUEST_PATH, live.ref().name() + " is a " + protocol.get() + " health check: it opens a "
                    + "connection and requests no path. Only HTTP, HTTPS and HTTP/2 checks have a request path.");
        }
        Map<String, String> desired = new TreeMap<>();
        if (problems.isEmpty()) {
            if (!path.isEmpty()) {
                desired.put(REQUEST_PATH, path);
            }
            if (port != null) {
                desired.put(PORT, String.valueOf(port));
            }
            nothingChanges(problems, live, desired, desired.containsKey(REQUEST_PATH) ? REQUEST_PATH : PORT);
        }
        problems.throwIfAny();
        return desired;
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        return new Effects(List.of(), List.of("Backends that do not answer on the new "
                + (desired.containsKey(REQUEST_PATH) ? "path" : "port") + " turn unhealthy after "
                + live.get(UNHEALTHY_THRESHOLD).orElse("a few")
                + " failed checks and stop receiving traffic: make sure they serve it first."));
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        GcloudLine line = HealthCheckProtocol.update(live);
        if (desired.containsKey(PORT)) {
            line.flag("--port", desired.get(PORT));
        }
        if (desired.containsKey(REQUEST_PATH)) {
            line.flag("--request-path", desired.get(REQUEST_PATH));
        }
        return line;
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        Map<String, String> params = new TreeMap<>();
        for (String f : List.of(REQUEST_PATH, PORT)) {
            Optional<String> old = before.get(f);
            if (!old.equals(after.get(f))) {
                if (old.isEmpty()) {
                    return RollbackPlan.impossible("The check had no " + f + " of its own before (it used the backends' "
                            + "serving port); restoring that is not offered here.");
                }
                params.put(f, old.get());
            }
        }
        if (params.isEmpty()) {
            return RollbackPlan.impossible("Neither the request path nor the port changed.");
        }
        return RollbackPlan.inverse(params, "Restores " + String.join(" and ", params.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).toList()) + ".");
    }
}
