package org.remediation.console.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Probe results on their way to the other consoles ({@code console_results}, sent in the transaction that
 * stores them): a listener of the benchmark on the same database hears each message when every other node
 * does; the delay of a result is that moment minus the end of its run (start + duration), so it includes
 * the prober's flush interval. The console keeps no timer of its own for this channel.
 */
final class ResultDelay implements AutoCloseable {

    private static final Pattern RESULT = Pattern.compile("\"s\":\"([^\"]+)\",\"d\":([0-9]+)");

    private final Connection connection;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Double> delays = new ArrayList<>();
    private final Thread thread;
    private long messages;

    ResultDelay(String url) throws Exception {
        connection = DriverManager.getConnection(url, "postgres", "");
        connection.createStatement().execute("listen console_results");
        PGConnection pg = connection.unwrap(PGConnection.class);
        thread = Thread.ofPlatform().name("bench-results").start(() -> {
            try {
                while (!stop.get()) {
                    PGNotification[] got = pg.getNotifications(50);
                    long now = System.currentTimeMillis();
                    for (PGNotification n : got == null ? new PGNotification[0] : got) {
                        Matcher m = RESULT.matcher(n.getParameter());
                        synchronized (delays) {
                            messages++;
                            while (m.find()) {
                                double end = Instant.parse(m.group(1)).toEpochMilli() + Long.parseLong(m.group(2)) / 1e6;
                                delays.add(now - end);
                            }
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                System.out.println("results listener: " + e);
            }
        });
    }

    String report(double seconds) {
        synchronized (delays) {
            double[] d = StoredRuns.sorted(delays);
            return String.format("probe results heard on console_results (end of run → NOTIFY at a listener): %,d results in %,d "
                            + "messages (%,.0f/s); p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms", d.length, messages,
                    messages / seconds, StoredRuns.quantile(d, 0.5), StoredRuns.quantile(d, 0.95), StoredRuns.quantile(d, 0.99),
                    d.length == 0 ? Double.NaN : d[d.length - 1]);
        }
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        thread.join(2_000);
        connection.close();
    }
}
