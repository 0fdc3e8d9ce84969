package org.remediation.console.probe;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * WebSocket: time of the opening handshake (101), then optionally send a text and expect a reply, on
 * a socket connected to the address the egress policy checked ({@link WebSocketWire}).
 */
@Component
public class WebSocketProbe implements Probe {

    static final int MAX_MESSAGE = 64 * 1024;

    @Override
    public ProbeKind kind() {
        return ProbeKind.WEBSOCKET;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("url", "send", "expectContains", "degradedAboveMs"), p);
        SettingRules.url(s, "url", Set.of("ws", "wss"), p);
        String expect = s.get("expectContains");
        String send = s.get("send");
        p.check(expect == null || expect.isEmpty() || (send != null && !send.isEmpty()), SettingRules.field("expectContains"),
                "An expected reply needs a message to send (settings.send).");
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String url = req.setting("url", "");
        try {
            URI uri = URI.create(url);
            boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
            String host = uri.getHost();
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
            // connected to the very address the egress policy checked: a name that re-resolves elsewhere
            // between the check and the connect (DNS rebinding) cannot move the probe
            InetSocketAddress address = req.egress().resolve(host, port);
            try (Socket socket = new Socket(Proxy.NO_PROXY)) {
                socket.connect(address, run.remainingMillis());
                Socket channel = tls ? Tls.wrap(socket, host, port, run.remainingMillis(), false) : socket;
                channel.setSoTimeout(run.remainingMillis());
                String hostHeader = host + (port == (tls ? 443 : 80) ? "" : ":" + port); // an IPv6 literal keeps its brackets
                WebSocketWire ws = WebSocketWire.open(channel, uri, hostHeader);
                run.phase("handshakeMs");
                String send = req.settings().get("send");
                if (send != null && !send.isEmpty()) {
                    ws.sendText(send);
                    channel.setSoTimeout(run.remainingMillis());
                    String answer = ws.readText(MAX_MESSAGE);
                    run.phase("replyMs");
                    String expect = req.settings().get("expectContains");
                    if (expect != null && !expect.isEmpty() && !answer.contains(expect)) {
                        return run.finish(Outcome.DOWN, "unexpected-reply", "The reply does not contain '" + expect + "'");
                    }
                }
                ws.close();
                return run.upUnless(run.elapsedMs(),
                        req.settings().containsKey("degradedAboveMs") ? req.intSetting("degradedAboveMs", 0) : null);
            }
        } catch (Exception e) {
            return run.failed(e, url);
        }
    }
}
