package org.remediation.console.criteria;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A loopback chat-webhook receiver shared by the criteria test context. It starts when first
 * touched and publishes its port as the system property {@code criteria.test.webhook-port}, which
 * {@link CriteriaSpringTest} puts into {@code console.criteria.webhook-url}.
 */
public final class WebhookReceiver {

    public static final BlockingQueue<String> BODIES = new LinkedBlockingQueue<>();

    private static final HttpServer SERVER = start();

    private WebhookReceiver() {
    }

    static void ensureStarted() {
        System.setProperty("criteria.test.webhook-port", String.valueOf(SERVER.getAddress().getPort()));
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
