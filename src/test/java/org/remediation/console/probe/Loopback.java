package org.remediation.console.probe;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loopback fixtures shared by the probe tests: closed ports, silent servers, requests. */
final class Loopback {

    static final InetAddress LOCAL = InetAddress.getLoopbackAddress();
    private static final List<AutoCloseable> KEEP = new ArrayList<>();

    private Loopback() {
    }

    /** A port nothing listens on (bound once to find it, then closed). */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOCAL)) {
            return s.getLocalPort();
        }
    }

    /** A server that accepts connections and never says anything. */
    static int silentTcpPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, LOCAL);
        KEEP.add(server);
        Thread.ofVirtual().start(() -> {
            List<Socket> held = new ArrayList<>();
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    /** A listening port whose accept queue is full, so a new connect hangs in SYN_SENT. */
    static int saturatedPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 1, LOCAL);
        KEEP.add(server);
        for (int i = 0; i < 20; i++) {
            Socket s = new Socket();
            KEEP.add(s);
            try {
                s.connect(new InetSocketAddress(LOCAL, server.getLocalPort()), 200);
            } catch (SocketTimeoutException e) {
                return server.getLocalPort();
            }
        }
        throw new IllegalStateException("could not saturate the accept queue");
    }

    /** A UDP port that receives and never answers (a dead DNS server). */
    static int silentUdpPort() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOCAL, 0));
        KEEP.add(socket);
        return socket.getLocalPort();
    }

    static ProbeRequest request(Map<String, String> settings, Duration timeout) {
        return new ProbeRequest("test-target", settings, timeout, Loopback::secret, Clock.systemUTC());
    }

    static String secret(String ref) {
        return switch (ref) {
            case "secret:pg-user" -> "postgres";
            default -> throw new IllegalStateException("Credential reference " + ref + " does not resolve");
        };
    }
}
