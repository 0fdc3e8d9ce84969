package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/**
 * The first container's startup probe (HTTP path and port, or TCP port; delay, period, timeout,
 * failure threshold). Creates a revision. Limits for services, from Google's references: initial
 * delay 0–240 s, period 1–240 s and not below the timeout, timeout at least 1 s, failure threshold at
 * least 1, and failure threshold × period at most 240 s (Probe in the Run Admin API v2 reference,
 * https://cloud.google.com/run/docs/reference/rest/v2/Containers#Probe, and
 * https://cloud.google.com/run/docs/configuring/healthchecks).
 */
final class RunStartupProbeAction extends RunTemplateAction {

    static final String TYPE = "type";
    static final String PATH = "path";
    static final String PORT = "port";
    static final String INITIAL_DELAY = "initialDelaySeconds";
    static final String PERIOD = "periodSeconds";
    static final String TIMEOUT = "timeoutSeconds";
    static final String FAILURE_THRESHOLD = "failureThreshold";
    /**
     * 240 s for services (healthchecks page; also the v2 reference's startup maxima). The jobs page
     * has since been raised to 600 s; if the services page follows, raise this.
     */
    static final int MAX_WINDOW_SECONDS = 240;
    /** Parameter → attribute, in the order gcloud's --startup-probe lists them. */
    private static final Map<String, String> ATTRIBUTES = new LinkedHashMap<>();

    static {
        ATTRIBUTES.put(TYPE, PROBE_TYPE);
        ATTRIBUTES.put(PATH, PROBE_PATH);
        ATTRIBUTES.put(PORT, PROBE_PORT);
        ATTRIBUTES.put(INITIAL_DELAY, PROBE_INITIAL_DELAY);
        ATTRIBUTES.put(PERIOD, PROBE_PERIOD);
        ATTRIBUTES.put(TIMEOUT, PROBE_TIMEOUT);
        ATTRIBUTES.put(FAILURE_THRESHOLD, PROBE_FAILURE_THRESHOLD);
    }

    @Override
    public ActionKind kind() {
        return ActionKind.RUN_STARTUP_PROBE;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(TYPE, "Probe type", "HTTP or TCP (default: the current one)", false),
                new ParamSpec(PATH, "HTTP path", "starts with /, e.g. /health/basic (HTTP only)", false),
                new ParamSpec(PORT, "Port", "1–65535 (default: the current one)", false),
                new ParamSpec(INITIAL_DELAY, "Initial delay (s)", "0–240", false),
                new ParamSpec(PERIOD, "Period (s)", "1–240, not below the timeout", false),
                new ParamSpec(TIMEOUT, "Timeout (s)", "1–240, not above the period", false),
                new ParamSpec(FAILURE_THRESHOLD, "Failure threshold", "1–240; threshold × period at most 240 s", false),
                sendAllTrafficParam());
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        String type = params.getOrDefault(TYPE, "").trim();
        if (!type.isEmpty() && !type.equals("HTTP") && !type.equals("TCP")) {
            problems.add(TYPE, "Type must be HTTP or TCP (got '" + type + "').");
        }
        String path = params.getOrDefault(PATH, "").trim();
        if (!path.isEmpty() && (!path.startsWith("/") || path.contains(" "))) {
            problems.add(PATH, "The HTTP path must start with / and contain no spaces (got '" + path + "').");
        }
        if (type.equals("TCP") && !path.isEmpty()) {
            problems.add(PATH, "A TCP probe has no path; leave it empty or use type HTTP.");
        }
        intParam(problems, params, PORT, "Port", 1, 65535, false);
        intParam(problems, params, INITIAL_DELAY, "Initial delay (s)", 0, MAX_WINDOW_SECONDS, false);
        Integer period = intParam(problems, params, PERIOD, "Period (s)", 1, MAX_WINDOW_SECONDS, false);
        Integer timeout = intParam(problems, params, TIMEOUT, "Timeout (s)", 1, MAX_WINDOW_SECONDS, false);
        Integer threshold = intParam(problems, params, FAILURE_THRESHOLD, "Failure threshold", 1, MAX_WINDOW_SECONDS, false);
        relations(problems, period, timeout, threshold);
        sendAllTraffic(params, problems);
        if (problems.isEmpty() && ATTRIBUTES.keySet().stream().noneMatch(k -> !params.getOrDefault(k, "").isBlank())) {
            problems.add(INITIAL_DELAY, "Give at least one probe setting (type, path, port, delay, period, timeout, threshold).");
        }
    }

    private static void relations(Problems problems, @Nullable Integer period, @Nullable Integer timeout,
                                  @Nullable Integer threshold) {
        if (period != null && timeout != null && timeout > period) {
            problems.add(TIMEOUT, "The timeout (" + timeout + " s) must not exceed the period (" + period + " s).");
        }
        if (period != null && threshold != null && period * threshold > MAX_WINDOW_SECONDS) {
            problems.add(FAILURE_THRESHOLD, "Failure threshold × period is " + period * threshold + " s; Cloud Run allows at most "
                    + MAX_WINDOW_SECONDS + " s before it gives up on a starting container (add initial delay instead).");
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        Map<String, String> desired = new TreeMap<>();
        ATTRIBUTES.forEach((param, attribute) -> {
            String given = params.getOrDefault(param, "").trim();
            desired.put(attribute, given.isEmpty() ? live.get(attribute).orElse("") : given);
        });
        String type = desired.get(PROBE_TYPE);
        if (!type.equals("HTTP") && !type.equals("TCP")) {
            problems.add(TYPE, "The current probe is " + type + "; give type HTTP or TCP.");
        }
        if (type.equals("TCP")) {
            desired.put(PROBE_PATH, "");
        } else if (type.equals("HTTP") && desired.get(PROBE_PATH).isEmpty()) {
            problems.add(PATH, "An HTTP probe needs a path, e.g. /health/basic.");
        }
        if (desired.get(PROBE_PORT).isEmpty()) {
            problems.add(PORT, "Give the port the container listens on.");
        }
        if (problems.isEmpty()) {
            relations(problems, Integer.valueOf(desired.get(PROBE_PERIOD)), Integer.valueOf(desired.get(PROBE_TIMEOUT)),
                    Integer.valueOf(desired.get(PROBE_FAILURE_THRESHOLD)));
        }
        nothingChanges(problems, live, desired, INITIAL_DELAY);
        problems.throwIfAny();
        addTraffic(params, live, desired);
        return desired;
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        Map<String, @org.jspecify.annotations.Nullable String> probe = new java.util.LinkedHashMap<>();
        if (desired.get(PROBE_TYPE).equals("HTTP")) {
            probe.put("httpGet.path", desired.get(PROBE_PATH));
            probe.put("httpGet.port", desired.get(PROBE_PORT));
        } else {
            probe.put("tcpSocket.port", desired.get(PROBE_PORT));
        }
        probe.put("initialDelaySeconds", desired.get(PROBE_INITIAL_DELAY));
        probe.put("periodSeconds", desired.get(PROBE_PERIOD));
        probe.put("timeoutSeconds", desired.get(PROBE_TIMEOUT));
        probe.put("failureThreshold", desired.get(PROBE_FAILURE_THRESHOLD));
        return withTraffic(GcloudLine.command("run", "services", "update").name(live.ref().name()).location(live.ref())
                .dict("--startup-probe", probe), live, desired);
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        String type = before.get(PROBE_TYPE).orElse("NONE");
        if (!type.equals("HTTP") && !type.equals("TCP")) {
            return RollbackPlan.impossible("The previous probe was " + type + "; restore it with gcloud --startup-probe.");
        }
        Map<String, String> params = new TreeMap<>();
        ATTRIBUTES.forEach((param, attribute) -> {
            String value = before.get(attribute).orElse("");
            if (!value.isEmpty()) {
                params.put(param, value);
            }
        });
        return RollbackPlan.inverse(params, "Restores the previous startup probe as a new revision.");
    }
}
