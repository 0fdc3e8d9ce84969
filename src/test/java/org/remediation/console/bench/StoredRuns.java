package org.remediation.console.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stored results say about scheduling, read straight from {@code probe_result}: the console's
 * own counters would only say what a node believes it did. A target's runs are due at its phase (a hash of
 * the key, the scheduler's {@code firstDue}) plus whole intervals, so each stored start belongs to one slot
 * and its start lateness is how far after the slot's due time it started.
 */
final class StoredRuns {

    record Run(String key, long startedMs) {
    }

    /** Runs counted per target per interval: slots with none, exactly one, and two or more. */
    record Slots(long slots, long zero, long one, long twoOrMore) {
        @Override
        public String toString() {
            return String.format("%,d slots: %,d with one run, %,d with none, %,d with two or more", slots, one, zero, twoOrMore);
        }
    }

    private StoredRuns() {
    }

    /** The offset of the key's runs within the interval (as ProbeScheduler.firstDue computes it). */
    static long phase(String key, long periodMs) {
        return Math.floorMod(key.hashCode() * 0x9E3779B1L, periodMs);
    }

    /** The probe partition of a key (as ProbePartitions.of computes it). */
    static int partition(String key, int partitions) {
        return Math.floorMod(key.hashCode() * 0x9E3779B1L, partitions);
    }

    static long slot(Run r, long periodMs) {
        return Math.floorDiv(r.startedMs - phase(r.key, periodMs), periodMs);
    }

    /** Start lateness in milliseconds: how long after its slot's due time the run started. */
    static double latenessMs(Run r, long periodMs) {
        return Math.floorMod(r.startedMs - phase(r.key, periodMs), periodMs);
    }

    /** Results of the benchmark's targets that started in [from, to). */
    static List<Run> read(Connection c, Instant from, Instant to) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (var s = c.prepareStatement("select target_key, started_at from probe_result where started_at >= ? and started_at < ?"
                + " and target_key like 'bench-%'")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(to));
            s.setFetchSize(10_000);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(new Run(rs.getString(1), rs.getTimestamp(2).getTime()));
                }
            }
        }
        c.commit();
        return runs;
    }

    /** Owner node of each held probe partition ({@code cluster_lease}). */
    static Map<Integer, String> partitionOwners(Connection c) throws SQLException {
        Map<Integer, String> owners = new HashMap<>();
        try (var s = c.createStatement(); var rs = s.executeQuery(
                "select name, owner from cluster_lease where name like 'probe-partition-%' and owner is not null")) {
            while (rs.next()) {
                owners.put(Integer.parseInt(rs.getString(1).substring("probe-partition-".length())), rs.getString(2));
            }
        }
        c.commit();
        return owners;
    }

    /** The leader's node id ({@code cluster_lease} 'leader'), null when none. */
    static String leader(Connection c) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery("select owner from cluster_lease where name = 'leader'")) {
            String owner = rs.next() ? rs.getString(1) : null;
            c.commit();
            return owner;
        }
    }

    /** Counts runs per slot for the slots of {@code keys} that lie wholly inside [fromMs, toMs). */
    static Slots slots(List<Run> runs, Collection<String> keys, long periodMs, long fromMs, long toMs) {
        Map<String, Map<Long, Integer>> perKey = new HashMap<>();
        for (Run r : runs) {
            perKey.computeIfAbsent(r.key, k -> new HashMap<>()).merge(slot(r, periodMs), 1, Integer::sum);
        }
        long slots = 0;
        long zero = 0;
        long one = 0;
        long more = 0;
        for (String key : keys) {
            long phase = phase(key, periodMs);
            long first = Math.floorDiv(fromMs - phase + periodMs - 1, periodMs); // due at or after fromMs
            long last = Math.floorDiv(toMs - phase, periodMs) - 1;               // the slot ends by toMs
            Map<Long, Integer> counted = perKey.getOrDefault(key, Map.of());
            for (long k = first; k <= last; k++) {
                slots++;
                int n = counted.getOrDefault(k, 0);
                if (n == 0) {
                    zero++;
                } else if (n == 1) {
                    one++;
                } else {
                    more++;
                }
            }
        }
        return new Slots(slots, zero, one, more);
    }

    /** The q-quantile (0..1) of the values, nearest rank; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static double[] sorted(Collection<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v;
    }
}
