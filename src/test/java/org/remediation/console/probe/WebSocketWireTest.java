package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The probe's own WebSocket client against servers that misbehave on purpose: each scripted here byte
 * by byte (the well-behaved echo is {@link WsEchoServer}; the sandbox's Tomcat echo is probed by the
 * demo target in the integration tests).
 */
class WebSocketWireTest {

    /** One connection: reads the client's handshake (returning its key), then runs {@code script}. */
    interface Script {
        void play(String key, DataInputStream in, OutputStream out) throws IOException;
    }

    static ProbeResult probeAgainst(Script script, Map<String, String> extra) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    String key = null;
                    for (String line = line(in); !line.isEmpty(); line = line(in)) {
                        if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                            key = line.substring(18).strip();
                        }
                    }
                    script.play(key, in, s.getOutputStream());
                    s.getInputStream().readNBytes(256); // let the client finish before closing
                } catch (IOException e) {
                    // the client went away
                }
            });
            Map<String, String> settings = new java.util.HashMap<>(extra);
            settings.put("url", "ws://127.0.0.1:" + server.getLocalPort() + "/echo");
            return new WebSocketProbe().run(Loopback.request(settings, Duration.ofSeconds(10)));
        }
    }

    static void switching(String key, OutputStream out, String accept) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    static void frame(OutputStream out, int first, byte[] payload) throws IOException {
        out.write(first);
        out.write(payload.length); // short frames only
        out.write(payload);
        out.flush();
    }

    static void skipClientFrame(DataInputStream in) throws IOException {
        in.readUnsignedByte();
        int len = in.readUnsignedByte() & 0x7f;
        in.readNBytes(4 + len);
    }

    @Test
    void aServerThatDoesNotSwitchProtocolsIsAFailureThatSaysWhatItAnswered() throws Exception {
        ProbeResult r = probeAgainst((key, in, out) -> out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII)), Map.of());
        assertThat(r.outcome().isFailure()).isTrue();
        assertThat(r.error()).contains("200");
    }

    @Test
    void aWrongAcceptKeyIsRefused() throws Exception {
        ProbeResult r = probeAgainst((key, in, out) -> switching(key, out, WebSocketWire.expectedAccept("someone-else")), Map.of());
        assertThat(r.outcome().isFailure()).isTrue();
        assertThat(r.error()).contains("Sec-WebSocket-Accept");
    }

    @Test
    void aReplyInFragmentsWithAPingBetweenIsJoinedAndThePingAnswered() throws Exception {
        ProbeResult r = probeAgainst((key, in, out) -> {
            switching(key, out, WebSocketWire.expectedAccept(key));
            skipClientFrame(in); // the probe's message
            frame(out, 0x01, "pong-".getBytes(StandardCharsets.UTF_8)); // text, not final
            frame(out, 0x89, "hi".getBytes(StandardCharsets.UTF_8)); // a ping between fragments
            int pong = in.readUnsignedByte();
            if (pong != 0x8A) {
                throw new IOException("expected a pong, got " + pong);
            }
            in.readNBytes(1 + 4 + 2);
            frame(out, 0x80, "42".getBytes(StandardCharsets.UTF_8)); // continuation, final
        }, Map.of("send", "ping-42", "expectContains", "pong-42"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
    }

    @Test
    void aCloseInsteadOfAReplyIsAFailureWithTheCode() throws Exception {
        ProbeResult r = probeAgainst((key, in, out) -> {
            switching(key, out, WebSocketWire.expectedAccept(key));
            skipClientFrame(in);
            frame(out, 0x88, new byte[] {0x03, (byte) 0xF3}); // 1011: server error
        }, Map.of("send", "hello", "expectContains", "hello"));
        assertThat(r.outcome().isFailure()).isTrue();
        assertThat(r.error()).contains("1011");
    }

    static String line(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
