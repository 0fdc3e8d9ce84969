package org.remediation.console.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real webhook receiver: a JDK {@link HttpServer} on loopback that records every POST body it
 * accepts, and can be told to fail (HTTP 503) a number of times first, or always, or to answer slowly.
 * Any path is accepted; {@link #bodies(String)} filters by path.
 *
 * <p>Tests of a Spring context use {@link #shared()} through {@link Routes}: it configures two
 * notification routes for every source, {@code /slack} (format slack) and {@code /json} (format json).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST that was accepted. */
    public record Received(String path, String body) {
    }

    private static WebhookReceiver shared;

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicLong delayMillis = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile CountDownLatch held = new CountDownLatch(0);

    private WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            attempts.incrementAndGet();
            inFlight.incrementAndGet();
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                sleep(delayMillis.get());
                Waits.hold(held);
                boolean fail = failuresLeft.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
                if (!fail) {
                    received.add(new Received(exchange.getRequestURI().getPath(), body));
                }
                exchange.sendResponseHeaders(fail ? 503 : 204, -1);
                exchange.close();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** A new receiver for one test; close it afterwards. */
    public static WebhookReceiver start() {
        return new WebhookReceiver();
    }

    /** The receiver shared by Spring test contexts of this JVM (never closed). */
    public static synchronized WebhookReceiver shared() {
        if (shared == null) {
            shared = new WebhookReceiver();
        }
        return shared;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Answers 503 to the next {@code n} posts. */
    public WebhookReceiver failNext(int n) {
        failuresLeft.set(n);
        return this;
    }

    public WebhookReceiver alwaysFail() {
        failuresLeft.set(Integer.MAX_VALUE);
        return this;
    }

    /** Holds every answer back this long (the body is read first). */
    public WebhookReceiver delay(Duration d) {
        delayMillis.set(d.toMillis());
        return this;
    }

    /** Holds every answer (the body is read first) until {@code release} counts down, or at most {@link Waits#hold}'s bound. */
    public WebhookReceiver holdAnswers(CountDownLatch release) {
        held = release;
        return this;
    }

    /** Posts being answered at this moment (held or delayed). */
    public int inFlight() {
        return inFlight.get();
    }

    /** Posts that arrived, accepted or not. */
    public int attempts() {
        return attempts.get();
    }

    public List<String> bodies() {
        return received.stream().map(Received::body).toList();
    }

    public List<String> bodies(String path) {
        return received.stream().filter(r -> r.path().equals(path)).map(Received::body).toList();
    }

    /** Waits up to {@code timeout} for an accepted body that matches. */
    public Optional<String> await(Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<String> found = received.stream().map(Received::body).filter(match).findFirst();
            if (found.isPresent()) {
                return found;
            }
            sleep(20);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Points {@code console.notify.routes[0]} (slack) and {@code [1]} (json) of a test context at {@link #shared()}. */
    public static final class Routes implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            WebhookReceiver receiver = shared();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("webhook-receiver", Map.of(
                    "console.notify.routes[0].url", receiver.url("/slack").toString(),
                    "console.notify.routes[0].format", "slack",
                    "console.notify.routes[1].url", receiver.url("/json").toString(),
                    "console.notify.routes[1].format", "json")));
        }
    }
}
