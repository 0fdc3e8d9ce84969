package org.remediation.console.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeResultRecorded;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A probe target whose every result changes what the board shows: a loopback endpoint answering
 * 200, 201, … 299 in turn, probed by the real scheduler, bound to a KPI {@code push-feed status >= 200}
 * on the open incident. Each result's HTTP status becomes the KPI tile's value text, so a browser's
 * DOM change can be traced to the probe result that caused it.
 */
public final class PushFeed implements AutoCloseable {

    public static final String KEY = "push-feed";
    public static final String TILE_ID = "kpi-" + KEY;

    private final HttpServer server;
    private final AtomicInteger next = new AtomicInteger();
    private volatile PushLatency latency;
    private volatile int sessions;

    private PushFeed(HttpServer server) {
        this.server = server;
    }

    public static PushFeed start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2));
        PushFeed feed = new PushFeed(server);
        server.createContext("/status", ex -> {
            ex.sendResponseHeaders(200 + feed.next.getAndIncrement() % 100, -1);
            ex.close();
        });
        server.start();
        return feed;
    }

    /** Creates the target and the KPI on the current incident; returns the incident's key. */
    public String install(ConfigurableApplicationContext ctx, Duration interval) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/status";
        As.user("admin", Role.ADMIN, () -> {
            ctx.getBean(ProbeTargetService.class).create(new TargetDraft(KEY, "Push feed", "HTTP",
                    Map.of("url", url), interval, Duration.ofSeconds(1), true, "bench", null));
        });
        String incident = BenchConsole.addKpis(ctx,
                List.of(new CriterionDefinition(KEY, "Push feed status", KEY + " status >= 200")));
        ctx.getBean(LiveEvents.class).subscribe(ProbeResultRecorded.class, e -> onResult(e.result()));
        return incident;
    }

    /** From now on every result is expected on {@code sessions} boards and timed by {@code latency}. */
    public void measure(PushLatency latency, int sessions) {
        this.sessions = sessions;
        this.latency = latency;
    }

    private void onResult(ProbeResult r) {
        PushLatency l = latency;
        Object status = r.measurements().get("status");
        if (l == null || !KEY.equals(r.targetKey()) || status == null) {
            return;
        }
        Instant started = r.startedAt();
        double finished = started.getEpochSecond() * 1000.0 + started.getNano() / 1e6 + r.duration().toNanos() / 1e6;
        l.resultFinished(finished, String.valueOf(status), sessions);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
