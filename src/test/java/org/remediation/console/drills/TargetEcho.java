package org.remediation.console.drills;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/** The drill's probe targets: one loopback HTTP server answering 200 on /t/{key}, logging each request's arrival. */
final class TargetEcho implements AutoCloseable {

    record Hit(String key, long atMillis) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Hit> hits = new ConcurrentLinkedQueue<>();

    TargetEcho() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/t/", exchange -> {
            hits.add(new Hit(exchange.getRequestURI().getPath().substring(3), System.currentTimeMillis()));
            byte[] body = "ok".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/t/" + key;
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
