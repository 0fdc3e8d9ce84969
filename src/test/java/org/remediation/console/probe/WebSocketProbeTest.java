package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebSocketProbeTest extends ProbeContract {

    static WsEchoServer echo;

    @BeforeAll
    static void start() throws IOException {
        echo = new WsEchoServer();
    }

    @AfterAll
    static void stop() throws IOException {
        echo.close();
    }

    @Override
    Probe probe() {
        return new WebSocketProbe();
    }

    @Override
    Map<String, String> healthy() {
        return Map.of("url", "ws://127.0.0.1:" + echo.port() + "/echo");
    }

    @Override
    Map<String, String> unreachable() throws IOException {
        return Map.of("url", "ws://127.0.0.1:" + Loopback.closedPort() + "/echo");
    }

    @Override
    Map<String, String> hung() throws IOException {
        return Map.of("url", "ws://127.0.0.1:" + Loopback.silentTcpPort() + "/echo");
    }

    @Test
    void measuresTheHandshakeAndTheEchoedReply() {
        ProbeResult r = run(Map.of("url", "ws://127.0.0.1:" + echo.port() + "/echo", "send", "ping-42", "expectContains", "ping-42"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.measurements()).containsKeys("handshakeMs", "replyMs");
    }

    @Test
    void wrongReplyIsDown() {
        ProbeResult r = run(Map.of("url", "ws://127.0.0.1:" + echo.port() + "/echo", "send", "hello", "expectContains", "bye"));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("unexpected-reply");
    }
}
