package org.remediation.console.probe;

import java.net.URI;
import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * HTTP(S) with a blackbox_exporter-style timing breakdown. It speaks HTTP/1.1 over a plain or TLS
 * socket itself, because the JDK HttpClient hides the DNS, connect, TLS and first-byte phases.
 */
@Component
public class HttpProbe implements Probe {

    static final Set<String> KNOWN = Set.of("url", "method", "headers", "body", "expectedStatus", "bodyContains",
            "bodyRegex", "degradedAboveMs", "insecure", "concurrency");
    /** At most this many requests at once per run (the seeds' load check asks for 20). */
    static final int MAX_CONCURRENCY = 100;
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    @Override
    public ProbeKind kind() {
        return ProbeKind.HTTP;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, KNOWN, p);
        SettingRules.url(s, "url", Set.of("http", "https"), p);
        String method = s.getOrDefault("method", "GET").strip().toUpperCase();
        p.check(method.isEmpty() || METHODS.contains(method), SettingRules.field("method"),
                "Unknown HTTP method '" + method + "'. Use one of " + String.join(", ", METHODS) + ".");
        String statuses = s.get("expectedStatus");
        if (statuses != null && !statuses.isBlank() && StatusSet.parse(statuses) == null) {
            p.add(SettingRules.field("expectedStatus"), "Write status codes like 200, 200-299 or 200,204 (got '" + statuses + "').");
        }
        String headers = s.get("headers");
        if (headers != null) {
            for (String line : headers.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    p.add(SettingRules.field("headers"), "Each header line must look like 'Name: value' (got '" + line.strip() + "').");
                    continue;
                }
                String refusal = headerRefusal(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                if (refusal != null) {
                    p.add(SettingRules.field("headers"), refusal);
                }
            }
        }
        SettingRules.regex(s, "bodyRegex", p);
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
        SettingRules.bool(s, "insecure", p);
        SettingRules.positiveInt(s, "concurrency", 1, MAX_CONCURRENCY, p, "The number of requests sent at once");
    }

    /**
     * Why a header is refused: {@code Metadata-Flavor} is how the cloud metadata server recognises a
     * request for the service account's token; credentials ({@code Authorization}, {@code Cookie} …)
     * are only ever references, so no secret is stored in a target.
     */
    static @Nullable String headerRefusal(String name, String value) {
        if (!HEADER_NAME.matcher(name).matches()) {
            return "'" + name + "' is not a header name (letters, digits and - _ . ! # $ % & ' * + ^ ` | ~).";
        }
        if (name.equalsIgnoreCase("Host") || name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) {
            return "The probe sets the " + name + " header itself (from the URL and body).";
        }
        if (name.equalsIgnoreCase("Metadata-Flavor") || name.equalsIgnoreCase("X-Google-Metadata-Request")) {
            return "The " + name + " header is refused: it asks a cloud metadata server for the console's own credentials.";
        }
        if (CredentialRefs.isRetired(value)) {
            return "Header " + name + ": " + SettingRules.RETIRED;
        }
        if (SECRET_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !CredentialRefs.isReference(value)) {
            return "Give the " + name + " header's value as a credential reference (e.g. " + name + ": secret:api-token); "
                    + "a target never stores a secret.";
        }
        return null;
    }

    @Override
    public java.util.List<String> references(Map<String, String> settings) {
        java.util.List<String> refs = new java.util.ArrayList<>(Probe.super.references(settings));
        for (String line : settings.getOrDefault("headers", "").split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && CredentialRefs.isReference(line.substring(colon + 1).strip())) {
                refs.add(line.substring(colon + 1).strip());
            }
        }
        return refs;
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        int concurrency = req.intSetting("concurrency", 1);
        return concurrency <= 1 ? once(req) : ConcurrentRun.of(req, concurrency, this::once);
    }

    private ProbeResult once(ProbeRequest req) {
        Run run = new Run(req);
        String url = req.setting("url", "");
        try {
            URI uri = URI.create(url);
            byte[] request;
            try {
                request = request(req, uri, uri.getHost(), HttpExchange.port(uri), HttpExchange.tls(uri));
            } catch (MissingCredential missing) {
                return run.finish(Outcome.ERROR, "missing-credential", missing.getMessage());
            } catch (IllegalStateException refused) { // a header stored before the rules that refuse it
                return run.finish(Outcome.ERROR, "refused-setting", refused.getMessage());
            }
            HttpResponseReader.Response response = HttpExchange.send(req, run, uri, request,
                    Boolean.parseBoolean(req.setting("insecure", "false")), HttpResponseReader.BODY_LIMIT);
            run.put("status", response.status());
            run.put("totalMs", run.elapsedMs());
            return judge(req, run, response);
        } catch (Exception e) {
            run.put("totalMs", run.elapsedMs());
            return run.failed(e, url);
        }
    }

    /** A header's credential reference does not resolve. */
    private static final class MissingCredential extends IllegalStateException {
        MissingCredential(String message) {
            super(message);
        }
    }

    private static byte[] request(ProbeRequest req, URI uri, String host, int port, boolean tls) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder sb = new StringBuilder()
                .append(req.setting("method", "GET").toUpperCase()).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n")
                .append("User-Agent: remediation-console-probe\r\nAccept: */*\r\nConnection: close\r\n");
        for (String line : req.setting("headers", "").split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            String refusal = headerRefusal(name, value);
            if (refusal != null) { // a target stored before the rule: never sent
                throw new IllegalStateException(refusal);
            }
            String resolved;
            try {
                resolved = CredentialRefs.isReference(value) ? req.secrets().apply(value) : value;
            } catch (IllegalStateException e) {
                throw new MissingCredential(e.getMessage());
            }
            if (resolved.indexOf('\r') >= 0 || resolved.indexOf('\n') >= 0) {
                throw new IllegalStateException("The value of header " + name + " (" + value + ") contains a line break");
            }
            sb.append(name).append(": ").append(resolved).append("\r\n");
        }
        byte[] body = req.setting("body", "").getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static ProbeResult judge(ProbeRequest req, Run run, HttpResponseReader.Response r) {
        StatusSet expected = StatusSet.parse(req.setting("expectedStatus", "200-299"));
        if (expected != null && !expected.contains(r.status())) {
            return run.finish(Outcome.DOWN, "unexpected-status",
                    "HTTP " + r.status() + " (expected " + req.setting("expectedStatus", "200-299") + ")");
        }
        String contains = req.settings().get("bodyContains");
        if (contains != null && !contains.isEmpty() && !r.body().contains(contains)) {
            return run.finish(Outcome.DOWN, "body-mismatch", "The response body does not contain '" + contains + "'");
        }
        String regex = req.settings().get("bodyRegex");
        if (regex != null && !regex.isEmpty() && !Pattern.compile(regex).matcher(r.body()).find()) {
            return run.finish(Outcome.DOWN, "body-mismatch", "The response body does not match /" + regex + "/");
        }
        @Nullable Integer threshold = req.settings().containsKey("degradedAboveMs")
                ? Integer.valueOf(req.intSetting("degradedAboveMs", 0)) : null;
        return run.upUnless(run.elapsedMs(), threshold);
    }
}
