package org.remediation.console.probe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * Redis PING → PONG with optional AUTH and TLS. It speaks the few RESP commands it needs itself so
 * the connect, AUTH and command times are measured separately, with no pool or client-side retry
 * hiding a slow connect (the seeds could not tell the two apart).
 */
@Component
public class RedisProbe implements Probe {

    @Override
    public ProbeKind kind() {
        return ProbeKind.REDIS;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("host", "port", "username", "password", "tls", "insecure", "degradedAboveMs"), p);
        SettingRules.host(s, "host", p);
        SettingRules.port(s, "port", false, p);
        SettingRules.credential(s, "password", false, p);
        SettingRules.bool(s, "tls", p);
        SettingRules.bool(s, "insecure", p);
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String host = req.setting("host", "127.0.0.1");
        int port = req.intSetting("port", 6379);
        String what = "Redis at " + host + ":" + port;
        Socket plain = new Socket(Proxy.NO_PROXY);
        try (plain) {
            plain.connect(req.egress().resolve(host, port), run.remainingMillis());
            Socket socket = plain;
            if (Boolean.parseBoolean(req.setting("tls", "false"))) {
                boolean insecure = Boolean.parseBoolean(req.setting("insecure", "false"));
                SSLSocket ssl = (SSLSocket) Tls.context(insecure).getSocketFactory().createSocket(plain, host, port, true);
                ssl.setSoTimeout(run.remainingMillis());
                ssl.startHandshake();
                socket = ssl;
            }
            run.phase("connectMs");
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String passwordRef = req.settings().get("password");
            if (passwordRef != null && !passwordRef.isBlank()) {
                String password = req.secrets().apply(passwordRef.strip());
                String user = req.settings().get("username");
                socket.setSoTimeout(run.remainingMillis());
                String reply = user == null || user.isBlank()
                        ? command(out, in, "AUTH", password) : command(out, in, "AUTH", user.strip(), password);
                run.phase("authMs");
                if (!reply.startsWith("+OK")) {
                    return run.finish(Outcome.DOWN, "auth-failed", what + " refused the credentials: " + reply.strip());
                }
            }
            socket.setSoTimeout(run.remainingMillis());
            String pong = command(out, in, "PING");
            run.phase("commandMs");
            if (!pong.startsWith("+PONG")) {
                return run.finish(Outcome.DOWN, "unexpected-reply", what + " answered PING with " + pong.strip());
            }
            return run.upUnless(run.elapsedMs(),
                    req.settings().containsKey("degradedAboveMs") ? req.intSetting("degradedAboveMs", 0) : null);
        } catch (IllegalStateException e) {
            return run.finish(Outcome.ERROR, "missing-credential", e.getMessage());
        } catch (Exception e) {
            return run.failed(e, what);
        }
    }

    static final int MAX_REPLY_LINE = 4096;

    private static String command(OutputStream out, InputStream in, String... args) throws IOException {
        StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder reply = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            if (reply.length() >= MAX_REPLY_LINE) { // a server that never ends its line must not fill the heap
                throw new IOException("the reply line is longer than " + MAX_REPLY_LINE + " bytes");
            }
            reply.append((char) c);
        }
        return reply.toString();
    }
}
