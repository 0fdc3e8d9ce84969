package org.remediation.console.remediation;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A real HTTP server on loopback that records watch-window webhooks; its URL is given to the context. */
public final class WebhookReceiver implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    static synchronized int port() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/hook", exchange -> {
                BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }
        return server.getAddress().getPort();
    }

    public static List<String> bodies() {
        return List.copyOf(BODIES);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("webhook-receiver",
                Map.of("console.remediation.watch-webhook-url", "http://127.0.0.1:" + port() + "/hook")));
    }
}
