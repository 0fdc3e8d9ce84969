package org.remediation.console.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Cross-node push delay: what each node recorded ({@code console.cluster.live.delay}, every live update
 * from the others, publication to delivery to its boards) and, end to end, an import through the API on
 * one node until its {@code ProbeTargetChanged} arrives on {@code console_live} at a listener of this
 * benchmark on the same database: what every other node hears at that moment.
 */
final class LiveDelay {

    private static final Pattern LINE = Pattern.compile("^console_cluster_live_delay_seconds(_count|_sum|_max)?(\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);
    private static final Pattern QUANTILE = Pattern.compile("quantile=\"([0-9.]+)\"");

    /** The window's length, for rates. */
    static final java.util.concurrent.atomic.AtomicReference<Double> WINDOW_SECONDS = new java.util.concurrent.atomic.AtomicReference<>(1.0);

    private LiveDelay() {
    }

    /** Count and total seconds of each node's timer now (/actuator/metrics, small enough to read inside a window). */
    static Map<String, double[]> snapshot(List<ConsoleNode> nodes) throws Exception {
        Map<String, double[]> out = new java.util.HashMap<>();
        for (ConsoleNode n : nodes) {
            String json = n.actuator("/actuator/metrics/console.cluster.live.delay");
            out.put(n.id, new double[] {statistic(json, "COUNT"), statistic(json, "TOTAL_TIME")});
        }
        return out;
    }

    private static double statistic(String json, String name) {
        Matcher m = Pattern.compile("\"statistic\":\"" + name + "\",\"value\":([-0-9.Ee]+)").matcher(json);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * Each node's timer as /actuator/prometheus shows it (quantiles and max over Micrometer's last ~2 minutes),
     * and count and mean between the two snapshots.
     */
    static void report(List<ConsoleNode> nodes, Map<String, double[]> from, Map<String, double[]> to) throws Exception {
        for (ConsoleNode n : nodes) {
            Matcher m = LINE.matcher(n.prometheus());
            StringBuilder q = new StringBuilder();
            double count = Double.NaN;
            double sum = Double.NaN;
            double max = Double.NaN;
            while (m.find()) {
                double v = Double.parseDouble(m.group(3));
                String suffix = m.group(1) == null ? "" : m.group(1);
                switch (suffix) {
                    case "_count" -> count = v;
                    case "_sum" -> sum = v;
                    case "_max" -> max = v;
                    default -> {
                        Matcher qm = QUANTILE.matcher(m.group(2) == null ? "" : m.group(2));
                        if (qm.find()) {
                            q.append(String.format(" p%s %.1f ms,", new java.math.BigDecimal(qm.group(1)).movePointRight(2)
                                    .stripTrailingZeros().toPlainString(), v * 1000));
                        }
                    }
                }
            }
            double[] a = from.get(n.id);
            double[] b = to.get(n.id);
            System.out.printf("live delay recorded by %s: %,.0f updates from the others during the imports (%,.0f/s), mean %.1f ms; "
                            + "last ~2 min:%s max %.1f ms (since start: %,.0f updates, mean %.1f ms)%n", n.id, b[0] - a[0],
                    (b[0] - a[0]) / WINDOW_SECONDS.get(), 1000 * (b[1] - a[1]) / (b[0] - a[0]), q, max * 1000, count, 1000 * sum / count);
        }
    }

    /** {@code count} imports of one (disabled) target each on {@code from}, 300 ms apart. */
    static void endToEnd(ConsoleNode from, String url, String token, LoopbackNginx nginx, int count) throws Exception {
        Map<String, Long> heard = new ConcurrentHashMap<>();
        AtomicLong messages = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        try (Connection listen = DriverManager.getConnection(url, "postgres", "")) {
            listen.createStatement().execute("listen console_live");
            PGConnection pg = listen.unwrap(PGConnection.class);
            Thread listener = Thread.ofPlatform().name("bench-listen").start(() -> {
                try {
                    while (!stop.get()) {
                        PGNotification[] got = pg.getNotifications(50);
                        long now = System.nanoTime();
                        for (PGNotification n : got == null ? new PGNotification[0] : got) {
                            messages.incrementAndGet();
                            String p = n.getParameter();
                            if (p.contains("ProbeTargetChanged")) {
                                Matcher k = Pattern.compile("\"key\":\"(e2e-[0-9]+)\"").matcher(p);
                                if (k.find()) {
                                    heard.putIfAbsent(k.group(1), now);
                                }
                            }
                        }
                    }
                } catch (java.sql.SQLException e) {
                    System.out.println("listener: " + e);
                }
            });
            long m0 = messages.get();
            long t0 = System.nanoTime();
            List<Double> endToEnd = new ArrayList<>();
            List<Double> afterResponse = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String key = String.format("e2e-%02d", i);
                String yaml = "targets:\n  - key: " + key + "\n    name: E2E " + i + "\n    kind: HTTP\n    enabled: false\n"
                        + "    group: e2e\n    interval: 10s\n    timeout: 5s\n    settings:\n      url: " + nginx.url(100_000 + i) + "\n";
                long sent = System.nanoTime();
                var response = from.importTargets(token, yaml);
                long answered = System.nanoTime();
                if (response.statusCode() != 200) {
                    System.out.printf("import on %s answered HTTP %d: %s%n", from.id, response.statusCode(), response.body());
                    continue;
                }
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (!heard.containsKey(key) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                Long at = heard.get(key);
                if (at != null) {
                    endToEnd.add((at - sent) / 1e6);
                    afterResponse.add((at - answered) / 1e6);
                }
                Thread.sleep(300);
            }
            double rate = (messages.get() - m0) / ((System.nanoTime() - t0) / 1e9);
            stop.set(true);
            listener.join(2_000);
            double[] e = StoredRuns.sorted(endToEnd);
            double[] a = StoredRuns.sorted(afterResponse);
            System.out.printf("end to end, import via the API on %s → NOTIFY heard on the database (%d of %d heard): p50 %.1f ms, "
                            + "p95 %.1f ms, max %.1f ms (after the HTTP response: p50 %.1f ms, max %.1f ms); console_live carried "
                            + "%,.0f messages/s meanwhile%n", from.id, e.length, count, StoredRuns.quantile(e, 0.5),
                    StoredRuns.quantile(e, 0.95), e.length == 0 ? Double.NaN : e[e.length - 1], StoredRuns.quantile(a, 0.5),
                    a.length == 0 ? Double.NaN : a[a.length - 1], rate);
        }
    }
}
