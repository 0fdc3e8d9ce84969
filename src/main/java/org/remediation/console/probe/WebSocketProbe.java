package org.remediation.console.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/** WebSocket: time of the opening handshake (101), then optionally send a text and expect a reply. */
@Component
public class WebSocketProbe implements Probe {

    static final int MAX_MESSAGE = 64 * 1024;

    private final HttpClient client = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

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
        WebSocket ws = null;
        try {
            CompletableFuture<String> reply = new CompletableFuture<>();
            StringBuilder text = new StringBuilder();
            WebSocket.Listener listener = new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    if (text.length() + data.length() > MAX_MESSAGE) { // a server that never ends its message must not fill the heap
                        reply.completeExceptionally(new java.io.IOException("the reply is longer than " + MAX_MESSAGE + " characters"));
                        return null;
                    }
                    text.append(data);
                    if (last) {
                        reply.complete(text.toString());
                    }
                    webSocket.request(1);
                    return null;
                }
            };
            URI uri = URI.create(url);
            // the JDK client resolves the name itself: checked here on the address it will find in the
            // JVM's DNS cache (docs/security.md names the remaining rebinding window)
            req.egress().resolve(uri);
            ws = client.newWebSocketBuilder().connectTimeout(Duration.ofMillis(run.remainingMillis()))
                    .buildAsync(uri, listener).get(run.remainingMillis(), TimeUnit.MILLISECONDS);
            run.phase("handshakeMs");
            String send = req.settings().get("send");
            if (send != null && !send.isEmpty()) {
                ws.sendText(send, true).get(run.remainingMillis(), TimeUnit.MILLISECONDS);
                String answer = reply.get(run.remainingMillis(), TimeUnit.MILLISECONDS);
                run.phase("replyMs");
                String expect = req.settings().get("expectContains");
                if (expect != null && !expect.isEmpty() && !answer.contains(expect)) {
                    return run.finish(Outcome.DOWN, "unexpected-reply", "The reply does not contain '" + expect + "'");
                }
            }
            return run.upUnless(run.elapsedMs(),
                    req.settings().containsKey("degradedAboveMs") ? req.intSetting("degradedAboveMs", 0) : null);
        } catch (Exception e) {
            return run.failed(e, url);
        } finally {
            if (ws != null) {
                ws.abort();
            }
        }
    }
}
