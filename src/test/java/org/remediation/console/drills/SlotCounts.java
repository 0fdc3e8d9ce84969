package org.remediation.console.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs per target per interval, from run start times: a target's slots start at its phase as the scheduler
 * places it ({@code ProbeScheduler.firstDue}), so each run falls near the start of its own slot and a late
 * or early clock reading cannot move it into a neighbour.
 */
final class SlotCounts {

    private final long interval;
    private final Map<String, TreeMap<Long, Integer>> counts = new TreeMap<>();
    private final Map<String, TreeSet<Long>> starts = new TreeMap<>();

    SlotCounts(long intervalMillis) {
        this.interval = intervalMillis;
    }

    static long phase(String key, long interval) {
        return Math.floorMod(key.hashCode() * 0x9E3779B1L, interval);
    }

    long slot(String key, long startedAtMillis) {
        return Math.floorDiv(startedAtMillis - phase(key, interval), interval);
    }

    void add(String key, long startedAtMillis) {
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(slot(key, startedAtMillis), 1, Integer::sum);
        starts.computeIfAbsent(key, k -> new TreeSet<>()).add(startedAtMillis);
    }

    /** The target's whole slots inside [from, to). */
    private List<Long> wholeSlots(String key, long from, long to) {
        List<Long> slots = new ArrayList<>();
        for (long s = Math.floorDiv(from - phase(key, interval) + interval - 1, interval);
             s * interval + phase(key, interval) + interval <= to; s++) {
            slots.add(s);
        }
        return slots;
    }

    int count(String key, long slot) {
        TreeMap<Long, Integer> c = counts.get(key);
        return c == null ? 0 : c.getOrDefault(slot, 0);
    }

    /** "key slot s: n runs" for every whole slot in [from, to) of every key that does not hold exactly one run. */
    List<String> notExactlyOnce(List<String> keys, long from, long to) {
        List<String> wrong = new ArrayList<>();
        for (String key : keys) {
            for (long s : wholeSlots(key, from, to)) {
                int n = count(key, s);
                if (n != 1) {
                    wrong.add(key + " slot " + s + ": " + n + " runs");
                }
            }
        }
        return wrong;
    }

    /** Slots holding two runs or more, anywhere. */
    List<String> duplicates() {
        List<String> dup = new ArrayList<>();
        counts.forEach((key, c) -> c.forEach((s, n) -> {
            if (n > 1) {
                dup.add(key + " slot " + s + ": " + n + " runs");
            }
        }));
        return dup;
    }

    /** Millis between the target's last run before {@code at} and its first after; -1 when either is missing. */
    long gapAcross(String key, long at) {
        TreeSet<Long> s = starts.get(key);
        Long before = s == null ? null : s.lower(at);
        Long after = s == null ? null : s.ceiling(at);
        return before == null || after == null ? -1 : after - before;
    }

    /** Whole slots in [from, to) without a run. */
    int missed(String key, long from, long to) {
        return (int) wholeSlots(key, from, to).stream().filter(s -> count(key, s) == 0).count();
    }
}
