package org.remediation.console.probe;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
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
                p.check(line.isBlank() || line.indexOf(':') > 0, SettingRules.field("headers"),
                        "Each header line must look like 'Name: value' (got '" + line.strip() + "').");
            }
        }
        SettingRules.regex(s, "bodyRegex", p);
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
        SettingRules.bool(s, "insecure", p);
        SettingRules.positiveInt(s, "concurrency", 1, MAX_CONCURRENCY, p, "The number of requests sent at once");
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
            boolean tls = "https".equalsIgnoreCase(uri.getScheme());
            String host = uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
            InetAddress address = InetAddress.getByName(host);
            run.phase("dnsMs");
            Socket socket = new Socket(Proxy.NO_PROXY); // direct: no SOCKS layer between the probe and its target
            try (socket) {
                socket.connect(new InetSocketAddress(address, port), run.remainingMillis());
                run.phase("connectMs");
                Socket channel = socket;
                if (tls) {
                    channel = handshake(socket, host, port, run, Boolean.parseBoolean(req.setting("insecure", "false")));
                    run.phase("tlsMs");
                }
                channel.setSoTimeout(run.remainingMillis());
                OutputStream out = channel.getOutputStream();
                out.write(request(req, uri, host, port, tls));
                out.flush();
                InputStream in = new BufferedInputStream(channel.getInputStream());
                HttpResponseReader.Response response = HttpResponseReader.read(in, channel, run);
                run.put("status", response.status());
                run.put("totalMs", run.elapsedMs());
                return judge(req, run, response);
            }
        } catch (Exception e) {
            run.put("totalMs", run.elapsedMs());
            return run.failed(e, url);
        }
    }

    private static Socket handshake(Socket plain, String host, int port, Run run, boolean insecure) throws Exception {
        SSLSocket ssl = (SSLSocket) Tls.context(insecure).getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        if (!insecure) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(run.remainingMillis());
        ssl.startHandshake();
        return ssl;
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
            if (!line.isBlank()) {
                sb.append(line.strip()).append("\r\n");
            }
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
