package org.remediation.console.probe;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An instant PromQL query against a Prometheus HTTP API ({@code GET <url>/api/v1/query}), evaluated at
 * the run's start. Settings: {@code url} (the API's base URL), {@code query}, {@code expect}
 * ({@code vector}, the default, or {@code scalar}: one number), {@code token} (a bearer token) or
 * {@code username} and {@code password} (basic), credentials as references only, and those of
 * {@link MetricValues}. It speaks HTTP through {@link HttpExchange}, so the egress policy and the
 * target's timeout bound every connection as for HTTP probes. See docs/probes.md.
 */
@Component
public class PrometheusProbe implements Probe {

    static final int MAX_QUERY = 2000;
    /** Large enough for thousands of series; an answer cut here could not be parsed, so it fails instead. */
    static final int BODY_LIMIT = 4 * 1024 * 1024;
    static final Set<String> KNOWN;

    static {
        Set<String> known = new HashSet<>(MetricValues.SHARED);
        known.addAll(List.of("url", "query", "expect", "token", "username", "password", "presenceQuery"));
        KNOWN = Set.copyOf(known);
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /**
     * Warnings that say the answer covers only part of the data: "partial"/"incomplete" in any
     * wording, and Thanos's store failures it answers with under its partial-response strategy
     * ("receive series from Addr: …", "failed to receive any data in 5s from Addr: …", "No StoreAPIs
     * matched for this query").
     */
    private static final Pattern PARTIAL = Pattern.compile("partial|incomplete|from Addr:|no StoreAPIs matched",
            Pattern.CASE_INSENSITIVE);

    @Override
    public ProbeKind kind() {
        return ProbeKind.PROMETHEUS;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, KNOWN, p);
        URI uri = SettingRules.url(s, "url", Set.of("http", "https"), p);
        p.check(uri == null || uri.getRawQuery() == null, SettingRules.field("url"),
                "Give the API's base URL without a query string (e.g. http://prometheus:9090); the probe adds /api/v1/query.");
        String query = SettingRules.required(s, "query", p, "A PromQL query");
        p.check(query == null || query.length() <= MAX_QUERY, SettingRules.field("query"),
                "A query is at most " + MAX_QUERY + " characters.");
        String expect = s.get("expect");
        p.check(expect == null || expect.isBlank() || expect.strip().equalsIgnoreCase("vector")
                        || expect.strip().equalsIgnoreCase("scalar"), SettingRules.field("expect"),
                "What the query returns: vector (any number of series, the default) or scalar (exactly one value).");
        SettingRules.credential(s, "token", false, p);
        boolean user = !s.getOrDefault("username", "").isBlank();
        boolean password = !s.getOrDefault("password", "").isBlank();
        if (user) {
            String name = s.get("username").strip();
            p.check(CredentialRefs.isReference(name) || (name.length() <= 200 && name.indexOf(':') < 0
                            && name.chars().noneMatch(Character::isISOControl)), SettingRules.field("username"),
                    "A user name for basic authentication: at most 200 characters, no colon.");
        }
        p.check(!user || password, SettingRules.field("password"), "A username needs a password (a reference such as secret:prom-password).");
        p.check(!password || user, SettingRules.field("username"), "A password needs a username.");
        p.check(!(user || password) || s.getOrDefault("token", "").isBlank(), SettingRules.field("token"),
                "Give either a bearer token or a username and password, not both.");
        SettingRules.credential(s, "password", false, p);
        String presence = s.get("presenceQuery");
        if (MetricValues.emptyIsZero(s)) {
            p.check(presence != null && !presence.isBlank(), SettingRules.field("presenceQuery"),
                    "emptyAs: zero needs a presenceQuery: a query that must return series at the same time (e.g."
                            + " up{job=\"api\"} or the requests of every status), so a mistyped metric or a Prometheus that"
                            + " lost its targets never reads as 0.");
        }
        p.check(presence == null || presence.length() <= MAX_QUERY, SettingRules.field("presenceQuery"),
                "A presence query is at most " + MAX_QUERY + " characters.");
        MetricValues.validate(s, p);
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String base = req.setting("url", "");
        String promql = req.setting("query", "");
        String described = promql + " @ " + Failures.redact(base);
        List<String> secrets = new ArrayList<>();
        try {
            URI uri = URI.create(base);
            String authorization;
            try {
                authorization = authorization(req, secrets);
            } catch (IllegalStateException missing) {
                run.put("query", described);
                return run.finish(Outcome.ERROR, "missing-credential", missing.getMessage());
            }
            Read main = ask(req, run, uri, promql, described, authorization, secrets, true);
            if (main.failed() != null) {
                return main.failed();
            }
            if (main.points().isEmpty() && MetricValues.emptyIsZero(req)) {
                String presenceQuery = req.setting("presenceQuery", "");
                if (presenceQuery.isBlank()) { // saved before the rule: never send an empty query
                    run.put("query", described);
                    run.put("raw", MetricValues.truncate(main.raw()));
                    return run.finish(Outcome.DOWN, "no-presence", "The query returned no series and the target has no"
                            + " settings.presenceQuery, so 0 cannot be told from missing data: add one (emptyAs: zero needs it).");
                }
                Read presence = ask(req, run, uri, presenceQuery, "presenceQuery " + presenceQuery + " @ "
                        + Failures.redact(base), authorization, secrets, false);
                if (presence.failed() != null) {
                    return presence.failed();
                }
                if (presence.points().isEmpty()) {
                    run.put("query", described);
                    run.put("raw", MetricValues.truncate(main.raw()));
                    return run.finish(Outcome.DOWN, "no-presence", "No series for the query and none for its presenceQuery "
                            + presenceQuery + ": the metric may be mistyped or Prometheus may have lost its targets,"
                            + " so 0 cannot be told from missing data.");
                }
            }
            return MetricValues.result(run, req, described, main.points(), main.raw(), null);
        } catch (Exception e) {
            run.put("query", described);
            return run.failed(e, "Prometheus at " + Failures.redact(base));
        }
    }

    /** An answer's points, or the failed run it makes. */
    private record Read(List<MetricValues.Point> points, String raw, @Nullable ProbeResult failed) {
    }

    private static Read ask(ProbeRequest req, Run run, URI uri, String promql, String described,
                            @Nullable String authorization, List<String> secrets, boolean main) throws Exception {
        byte[] request = request(req, uri, promql, authorization);
        HttpResponseReader.Response response = HttpExchange.send(req, run, uri, request, false, BODY_LIMIT);
        run.put("status", response.status());
        return judge(req, run, described, response, secrets, main && req.setting("expect", "vector").equalsIgnoreCase("scalar"));
    }

    /** The {@code Authorization} header's value, or null; resolved secrets are added to {@code secrets} to scrub. */
    private static @Nullable String authorization(ProbeRequest req, List<String> secrets) {
        String token = req.setting("token", "");
        if (!token.isEmpty()) {
            String value = resolve(req, token, secrets);
            return "Bearer " + value;
        }
        String user = req.setting("username", "");
        if (user.isEmpty()) {
            return null;
        }
        String name = CredentialRefs.isReference(user) ? resolve(req, user, secrets) : user;
        String password = resolve(req, req.setting("password", ""), secrets);
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String resolve(ProbeRequest req, String ref, List<String> secrets) {
        if (!CredentialRefs.isReference(ref)) { // stored before the rule, or edited by hand: never sent
            throw new IllegalStateException("A credential must be a reference such as secret:prom-token, not the value itself.");
        }
        String value = req.secrets().apply(ref);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalStateException("The credential " + ref + " contains a line break.");
        }
        if (!value.isEmpty()) {
            secrets.add(value);
        }
        return value;
    }

    private static byte[] request(ProbeRequest req, URI uri, String promql, @Nullable String authorization) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        double at = req.clock().millis() / 1000.0;
        // Prometheus cuts the evaluation at this timeout too, so a heavy query ends on both sides.
        String target = path + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&time=" + String.format(Locale.ROOT, "%.3f", at)
                + "&timeout=" + Math.max(1, req.timeout().toMillis()) + "ms";
        StringBuilder head = new StringBuilder()
                .append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(HttpExchange.hostHeader(uri)).append("\r\n")
                .append("User-Agent: remediation-console-probe\r\nAccept: application/json\r\nConnection: close\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code expectOne}: the query's {@code expect: scalar}; a presence query may return any number of series. */
    private static Read judge(ProbeRequest req, Run run, String described, HttpResponseReader.Response r,
                              List<String> secrets, boolean expectOne) {
        String raw = scrub(r.body(), secrets);
        if (r.status() == 401 || r.status() == 403) {
            return failed(run, described, raw, Outcome.ERROR, "credentials-refused", "Prometheus refused the credentials"
                    + " (HTTP " + r.status() + "): check the token or username and password the target's references resolve to.");
        }
        if (r.cut()) {
            return failed(run, described, raw, Outcome.DOWN, "answer-too-large", "The answer is larger than "
                    + BODY_LIMIT / (1024 * 1024) + " MiB; aggregate the query (e.g. sum by (job)(…)) so it returns fewer series.");
        }
        JsonNode answer = parse(raw);
        if (answer == null || !answer.has("status")) {
            return r.status() >= 500
                    ? failed(run, described, raw, Outcome.DOWN, "unexpected-status", "HTTP " + r.status() + " from "
                            + Failures.redact(req.setting("url", "")))
                    : failed(run, described, raw, Outcome.DOWN, "not-prometheus", "HTTP " + r.status()
                            + " without a Prometheus API answer (is the url the Prometheus base URL?)");
        }
        List<String> warnings = new ArrayList<>();
        answer.path("warnings").forEach(w -> warnings.add(scrub(w.asString(), secrets)));
        if (!warnings.isEmpty()) {
            run.put("warnings", warnings);
        }
        if (!"success".equals(answer.path("status").asString())) {
            String type = answer.path("errorType").asString("error");
            if (type.equals("timeout")) { // Prometheus stopped at the timeout the probe asked for
                return failed(run, described, raw, Outcome.TIMEOUT, "timeout", "Prometheus stopped evaluating the query"
                        + " at the " + req.timeout().toMillis() + " ms timeout: " + scrub(answer.path("error").asString(""), secrets));
            }
            return failed(run, described, raw, Outcome.DOWN, "prometheus-" + type.toLowerCase(Locale.ROOT).replace('_', '-'),
                    "Prometheus answered " + type + " (HTTP " + r.status() + "): " + scrub(answer.path("error").asString(""), secrets));
        }
        List<String> partial = warnings.stream().filter(w -> PARTIAL.matcher(w).find()).toList();
        if (!partial.isEmpty()) { // a value from the stores that answered is no measurement of all
            return failed(run, described, raw, Outcome.DOWN, "incomplete-answer", "The answer is incomplete, so it is not"
                    + " judged: " + String.join("; ", partial));
        }
        JsonNode data = answer.path("data");
        String type = data.path("resultType").asString("");
        List<MetricValues.Point> points = new ArrayList<>();
        switch (type) {
            case "vector" -> {
                for (JsonNode series : data.path("result")) {
                    Map<String, String> labels = new LinkedHashMap<>();
                    series.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
                    points.add(new MetricValues.Point(labels, number(series.path("value").path(1).asString(""))));
                }
            }
            case "scalar" -> points.add(new MetricValues.Point(Map.of(), number(data.path("result").path(1).asString(""))));
            case "matrix" -> {
                return failed(run, described, raw, Outcome.DOWN, "range-vector", "The query returns a range vector; a probe"
                        + " judges one value per series: use an instant query such as avg_over_time(x[5m]) or rate(x[5m]).");
            }
            default -> {
                return failed(run, described, raw, Outcome.DOWN, "not-a-number", "The query returns a " + (type.isEmpty()
                        ? "result of no known type" : type) + ", not a number: use a query that returns a vector or a scalar.");
            }
        }
        if (expectOne && points.size() > 1) {
            return failed(run, described, raw, Outcome.DOWN, "not-one-series", "expect: scalar needs one value, but the query"
                    + " returns " + points.size() + " series (" + MetricValues.label(points.getFirst().labels()) + ", …):"
                    + " aggregate them, e.g. sum(…) or max(…).");
        }
        return new Read(points, raw, null);
    }

    private static Read failed(Run run, String described, String raw, Outcome outcome, String errorClass, String message) {
        run.put("query", described);
        run.put("raw", MetricValues.truncate(raw));
        return new Read(List.of(), raw, run.finish(outcome, errorClass, message));
    }

    private static @Nullable JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Prometheus writes sample values as strings, with {@code NaN}, {@code +Inf} and {@code -Inf}. */
    static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    /** Never shows a credential the run resolved, whatever a server echoes back. */
    private static String scrub(String text, List<String> secrets) {
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }
}
