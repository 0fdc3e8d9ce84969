package org.remediation.console.bench;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.sun.net.httpserver.HttpServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.remediation.console.e2e.Browser;
import org.remediation.console.probe.ui.ProbesDashboardView;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * Dashboard at scale (goal ≤ 300 ms server time): 1,000 probe targets probed for real against a
 * loopback HTTP server, plus the demo's 4-phase incident. It measures once the windows the views
 * read are full: it waits {@code fill} (default the 60 min memory window: the board's KPI trends
 * span 1 h, a probe tile's p95 and success rate 15 min and its sparkline the last 40 results) and
 * until every target holds {@code fill} ÷ 10 s results. Then it times building the board ({@code /}) and
 * the probes dashboard ({@code /probes}) in a Karibu (mocked servlet, real Spring context) UI —
 * route resolution, view constructors, {@code beforeEnter}, attach — and then the time to first
 * complete paint of both in headless Chromium ({@link FirstPaint}). Heap per session and push
 * latency are {@link PushFanOutBenchmark}'s, with real browser sessions.
 *
 * <p>Usage: {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.remediation.console.bench.DashboardBenchmark
 * [targets=1000] [fill=PT60M]}; a shorter {@code fill} (PT1M) is a smoke run with part-filled windows.
 */
public final class DashboardBenchmark {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.remediation.console");

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int targetCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Duration fill = Duration.parse(args.length > 1 ? args[1] : "PT60M");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/health", ex -> {
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        http.start();
        // the embedded default's file database: an in-memory one would hold an hour of 1,000 targets' results in the heap
        try (ConfigurableApplicationContext ctx = BenchConsole.start(BenchConsole.fileDatabase(
                java.nio.file.Files.createTempDirectory("dash-db")))) {
            ProbeStatistics statistics = ctx.getBean(ProbeStatistics.class);
            BenchConsole.httpTargets(ctx, "bench", targetCount, "http://127.0.0.1:" + http.getAddress().getPort() + "/health");
            int held = waitForFullWindows(statistics, "bench", targetCount, fill);
            long known = statistics.statuses().values().stream().filter(s -> s.state() != HealthState.UNKNOWN).count();
            int phases = As.user("viewer", Role.VIEWER, () -> {
                var incident = ctx.getBean(IncidentService.class).current().orElseThrow();
                return ctx.getBean(IncidentService.class).phases(incident.key()).size();
            });
            System.out.printf("Dashboard at scale: %d probe targets (%d with a state), incident with %d phases, windows filled "
                    + "for %s (every bench target holds ≥ %d results), %d cores, load %s%n",
                    statistics.statuses().size(), known, phases, fill.toString().substring(2).toLowerCase(), held,
                    Runtime.getRuntime().availableProcessors(),
                    java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());

            setUp(ctx);
            login("commander", Role.COMMANDER);
            for (int i = 0; i < 5; i++) { // warm-up
                UI.getCurrent().navigate("timeline");
                UI.getCurrent().navigate("");
                UI.getCurrent().navigate("probes");
            }
            report("board (/)", time("", 20));
            report("probes (/probes)", time("probes", 20));
            MockVaadin.tearDown();

            if (Browser.available()) {
                int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
                try (Browser browser = new Browser(port)) {
                    browser.login("commander", BenchConsole.PASSWORD);
                    FirstPaint.report("board (/)", FirstPaint.measure(browser, port, "/", """
                            return document.querySelectorAll('.phase-card').length >= %d
                                && document.querySelectorAll('#kpi-tiles .kpi-tile').length > 0;""".formatted(phases), 2, 20));
                    FirstPaint.report("probes (/probes)", FirstPaint.measure(browser, port, "/probes", """
                            return document.querySelectorAll('.probe-tile').length >= %d;""".formatted(
                            Math.min(targetCount, ProbesDashboardView.PAGE_SIZE)), 2, 20));
                }
            } else {
                System.out.println("  first paint in Chromium: skipped, install chromium and chromium-driver");
            }
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        } finally {
            http.stop(0);
            System.exit(0);
        }
    }

    /**
     * Waits {@code fill} and until every target {@code prefix-0000…} holds {@code fill} ÷ 10 s results
     * (at most 3 min longer); prints progress each minute and the results held per target, overall
     * and in a tile's 15 min window. Returns the fewest results a target holds.
     */
    private static int waitForFullWindows(ProbeStatistics statistics, String prefix, int count, Duration fill)
            throws InterruptedException {
        int wanted = (int) (fill.toSeconds() / 10);
        long start = System.nanoTime();
        long deadline = start + fill.plusMinutes(3).toNanos();
        long nextReport = start + Duration.ofMinutes(1).toNanos();
        int fewest = 0;
        while (System.nanoTime() < deadline) {
            fewest = Integer.MAX_VALUE;
            for (int i = 0; i < count; i++) {
                fewest = Math.min(fewest, statistics.samples(String.format("%s-%04d", prefix, i), 4096).durationMs().length);
            }
            if (fewest >= wanted && System.nanoTime() - start >= fill.toNanos()) {
                break;
            }
            if (System.nanoTime() >= nextReport) {
                System.out.printf("  filling windows: %d of %d min, fewest results of a target %d of %d%n",
                        Duration.ofNanos(System.nanoTime() - start).toMinutes(), fill.toMinutes(), fewest, wanted);
                nextReport += Duration.ofMinutes(1).toNanos();
            }
            Thread.sleep(5000);
        }
        List<Integer> tile = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tile.add(statistics.window(String.format("%s-%04d", prefix, i), Duration.ofMinutes(15))
                    .map(w -> w.samples()).orElse(0));
        }
        tile.sort(null);
        System.out.printf("  windows: fewest results held by a bench target %d (wanted %d); in a tile's 15 min window "
                + "min %d, median %d (full: 90)%n", fewest, wanted, tile.getFirst(), tile.get(tile.size() / 2));
        return fewest;
    }

    private static List<Double> time(String route, int n) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UI.getCurrent().navigate("timeline");
            long t0 = System.nanoTime();
            UI.getCurrent().navigate(route);
            MockVaadin.clientRoundtrip(false);
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return ms;
    }

    private static void report(String what, List<Double> ms) {
        List<Double> s = ms.stream().sorted().toList();
        System.out.printf("  %-18s median %.0f ms, p95 %.0f ms, max %.0f ms over %d builds (goal ≤ 300 ms)%n", what,
                s.get(s.size() / 2), s.get((int) Math.ceil(s.size() * 0.95) - 1), s.get(s.size() - 1), s.size());
    }

    private static void setUp(ConfigurableApplicationContext ctx) {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
    }

    private static void login(String username, Role role) {
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
        var auth = new UsernamePasswordAuthenticationToken(new User(username, "", authorities), null, authorities);
        var security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(auth);
        SecurityContextHolder.setContext(security);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, r) -> r.equals(role.name()));
        UI.getCurrent().getPage().reload();
    }
}
