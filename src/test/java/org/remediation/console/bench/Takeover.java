package org.remediation.console.bench;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kill -9 of one node: for each of its targets, the time from the kill to the first stored start by
 * another node; when its partitions' leases changed owner; and runs per interval of its targets and of
 * the others' around the kill (at most one missed interval per target is allowed during a takeover).
 */
final class Takeover {

    private static final long WAIT_MS = 60_000;
    private static final long AFTER_MS = 30_000;

    private Takeover() {
    }

    static void run(Connection c, ConsoleNode victim, List<String> keys, long periodMs, int partitions) throws Exception {
        Map<Integer, String> owners = StoredRuns.partitionOwners(c);
        if (owners.isEmpty()) { // a build without partition ownership: every node probes every target
            System.out.println("takeover: no probe partition is held by anyone; every target counts as the killed node's");
            for (int p = 0; p < partitions; p++) {
                owners.put(p, victim.id);
            }
        }
        List<String> theirs = keys.stream().filter(k -> victim.id.equals(owners.get(StoredRuns.partition(k, partitions)))).toList();
        List<String> others = keys.stream().filter(k -> !victim.id.equals(owners.get(StoredRuns.partition(k, partitions)))).toList();
        long partitionsHeld = owners.values().stream().filter(victim.id::equals).count();
        if (theirs.isEmpty()) {
            System.out.printf("takeover: %s holds no partition; nothing to take over%n", victim.id);
            return;
        }
        Instant kill = Instant.now();
        victim.kill();
        Map<String, Long> first = new HashMap<>();
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (first.size() < theirs.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            first = firstStarts(c, kill);
            first.keySet().retainAll(theirs);
        }
        List<Double> delays = new ArrayList<>();
        first.values().forEach(t -> delays.add((double) (t - kill.toEpochMilli())));
        double[] d = StoredRuns.sorted(delays);
        System.out.printf("takeover after kill -9 of %s (%d partitions, %,d targets) at %s: %,d targets probed again within %d s; "
                        + "kill → first stored start p50 %.0f ms, p95 %.0f ms, max %.0f ms%n", victim.id, partitionsHeld, theirs.size(),
                kill, first.size(), WAIT_MS / 1000, StoredRuns.quantile(d, 0.5), StoredRuns.quantile(d, 0.95),
                d.length == 0 ? Double.NaN : d[d.length - 1]);
        leases(c, victim, kill);
        long end = kill.toEpochMilli() + AFTER_MS;
        Thread.sleep(Math.max(0, end - System.currentTimeMillis()) + 1_000);
        Instant from = kill.minusMillis(AFTER_MS);
        List<StoredRuns.Run> runs = StoredRuns.read(c, from, Instant.ofEpochMilli(end));
        System.out.printf("  runs per interval ±%d s around the kill: its targets %s; the others' %s%n", AFTER_MS / 1000,
                StoredRuns.slots(runs, theirs, periodMs, from.toEpochMilli(), end),
                StoredRuns.slots(runs, others, periodMs, from.toEpochMilli(), end));
    }

    private static Map<String, Long> firstStarts(Connection c, Instant after) throws Exception {
        Map<String, Long> first = new HashMap<>();
        try (var s = c.prepareStatement("select target_key, min(started_at) from probe_result where started_at > ?"
                + " and target_key like 'bench-%' group by target_key")) {
            s.setTimestamp(1, Timestamp.from(after));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    first.put(rs.getString(1), rs.getTimestamp(2).getTime());
                }
            }
        }
        c.commit();
        return first;
    }

    /** When the dead node's partitions changed owner (cluster_lease.changed_at), from the kill. */
    private static void leases(Connection c, ConsoleNode victim, Instant kill) throws Exception {
        List<Double> moved = new ArrayList<>();
        Map<String, Integer> newOwners = new HashMap<>();
        try (var s = c.prepareStatement("select owner, changed_at from cluster_lease where name like 'probe-partition-%'"
                + " and changed_at > ?")) {
            s.setTimestamp(1, Timestamp.from(kill));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    moved.add((double) (rs.getTimestamp(2).getTime() - kill.toEpochMilli()));
                    newOwners.merge(String.valueOf(rs.getString(1)), 1, Integer::sum);
                }
            }
        }
        c.commit();
        double[] m = StoredRuns.sorted(moved);
        System.out.printf("  partition leases changed after the kill: %d (to %s), kill → lease taken p50 %.0f ms, max %.0f ms%n",
                m.length, newOwners, StoredRuns.quantile(m, 0.5), m.length == 0 ? Double.NaN : m[m.length - 1]);
    }
}
