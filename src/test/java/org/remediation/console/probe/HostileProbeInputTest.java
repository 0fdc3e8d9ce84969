package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;

/**
 * Hostile (issue 16): a probed server chooses what the probe reads. A body built to make a
 * backtracking regex run for hours, a Redis reply line that never ends, a WebSocket message that
 * never ends: each is a clear result, never a stuck probe thread or a full heap. The preemptive
 * timeouts only keep a regression from hanging the build; they are not performance targets.
 */
@Tag("hostile")
class HostileProbeInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @Test
    void aBodyBuiltForCatastrophicBacktrackingIsMatchedInLinearTime() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 10);
        byte[] body = ("a".repeat(60_000) + "!").getBytes(StandardCharsets.US_ASCII);
        server.createContext("/", x -> {
            x.sendResponseHeaders(200, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            ProbeResult r = assertTimeoutPreemptively(HANG_GUARD, () -> new HttpProbe().run(Loopback.request(Map.of(
                    "url", "http://127.0.0.1:" + server.getAddress().getPort() + "/", "bodyRegex", "(a+)+$"),
                    Duration.ofSeconds(10))));
            assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.DOWN);
            assertThat(r.errorClass()).isEqualTo("body-mismatch");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRegexOnlyABacktrackingEngineCouldRunIsRefusedWhenSaved() {
        Problems p = new Problems();
        new HttpProbe().validate(Map.of("url", "http://127.0.0.1/", "bodyRegex", "(a)\\1"), p);
        org.assertj.core.api.Assertions.assertThatThrownBy(p::throwIfAny).hasMessageContaining("RE2 syntax");
    }

    @Test
    void aRedisReplyLineThatNeverEndsIsAFailureNotAFullHeap() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, Loopback.LOCAL)) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[64]);
                    OutputStream out = s.getOutputStream();
                    out.write('+');
                    byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 10_000; i++) { // 80 MB without a line end, unless the probe hangs up first
                        out.write(chunk);
                    }
                } catch (Exception e) {
                    // the probe hung up, as it should
                }
            });
            ProbeResult r = assertTimeoutPreemptively(HANG_GUARD, () -> new RedisProbe().run(Loopback.request(
                    Map.of("host", "127.0.0.1", "port", String.valueOf(server.getLocalPort())), Duration.ofSeconds(10))));
            assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(r.error()).contains("longer than " + RedisProbe.MAX_REPLY_LINE);
        }
    }

    @Test
    void aWebSocketReplyThatNeverEndsIsAFailure() throws Exception {
        try (WsEchoServer echo = new WsEchoServer()) {
            ProbeResult r = assertTimeoutPreemptively(HANG_GUARD, () -> new WebSocketProbe().run(Loopback.request(
                    Map.of("url", "ws://127.0.0.1:" + echo.port() + "/", "send", "x".repeat(100_000)), Duration.ofSeconds(10))));
            assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.DOWN);
            assertThat(r.error()).contains("longer than " + WebSocketProbe.MAX_MESSAGE);
        }
    }
}
