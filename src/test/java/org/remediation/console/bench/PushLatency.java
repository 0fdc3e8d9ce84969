package org.remediation.console.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Matches server-side probe results to the moment each browser session's DOM showed them. A result
 * is identified by the value text it makes the KPI tile show (consecutive results differ), and a
 * session's change matches the newest pending result with that text finished before the change.
 * Results no session change matched within {@code patienceMs} count as missed for that session.
 */
public final class PushLatency {

    private record Pending(double finishedEpochMs, String text, boolean[] seenBy, double[] latencyMs) {
    }

    /** {@code -Dbench.trace=true} prints each result's latency per session when it settles. */
    private static final boolean TRACE = Boolean.getBoolean("bench.trace");

    private final List<Pending> pending = new ArrayList<>();
    private final double patienceMs;
    private Histogram latencyMicros = new Histogram(600_000_000L, 3);
    private long missed;
    private long results;

    public PushLatency(double patienceMs) {
        this.patienceMs = patienceMs;
    }

    /** A probe result finished at {@code finishedEpochMs}; the tile should come to read {@code text}. */
    public synchronized void resultFinished(double finishedEpochMs, String text, int sessions) {
        pending.add(new Pending(finishedEpochMs, text, new boolean[sessions], new double[sessions]));
        results++;
    }

    /** Folds in the changes drained from the sessions (index = session); settles results older than the patience. */
    public synchronized void collect(List<List<BoardSessions.Change>> sessions, double nowEpochMs) {
        for (int s = 0; s < sessions.size(); s++) {
            for (BoardSessions.Change change : sessions.get(s)) {
                Pending match = null;
                for (Pending p : pending) {
                    if (p.text().equals(change.text()) && p.finishedEpochMs() <= change.epochMs()
                            && s < p.seenBy().length && !p.seenBy()[s]) {
                        match = p;
                    }
                }
                if (match != null) {
                    match.seenBy()[s] = true;
                    match.latencyMs()[s] = change.epochMs() - match.finishedEpochMs();
                    long micros = Math.round((change.epochMs() - match.finishedEpochMs()) * 1000);
                    latencyMicros.recordValue(Math.min(micros, latencyMicros.getHighestTrackableValue()));
                }
            }
        }
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (nowEpochMs - p.finishedEpochMs() > patienceMs) {
                if (TRACE) {
                    System.out.printf("  result %s at %.3f: %s%n", p.text(), p.finishedEpochMs() / 1000.0,
                            java.util.Arrays.toString(java.util.Arrays.stream(p.latencyMs()).mapToLong(Math::round).toArray()));
                }
                for (boolean seen : p.seenBy()) {
                    missed += seen ? 0 : 1;
                }
                it.remove();
            }
        }
    }

    /** Returns the latencies recorded since the last call and starts a new interval. */
    public synchronized Histogram takeInterval() {
        Histogram h = latencyMicros;
        latencyMicros = new Histogram(600_000_000L, 3);
        return h;
    }

    public synchronized long missed() {
        return missed;
    }

    public synchronized long results() {
        return results;
    }

    public static String ms(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "–";
        }
        return String.format("%.0f / %.0f / %.0f", h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
