package org.remediation.console.probe;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staleness rule of {@link ProbeKind#EXTERNAL} targets: at each of the target's intervals, when the
 * latest pushed result checked longer ago than its {@code staleAfter}, a failed run (class {@code stale})
 * is recorded, so windows, states and criteria count the silence as failure and a green badge does not
 * outlive a dead cron job. The latest push is read from {@code probe_external_push} (written with every
 * push), a never-pushed target is as old as its creation: a restart cannot make a silent target fresh.
 * Marks and pushes are serialized here, so a mark never lands between a push's checks and its record.
 */
@Component
class Staleness {

    private final JdbcTemplate jdbc;
    /** Latest pushed checkedAt (or creation) by key; a cache of the table. */
    private final Map<String, Instant> fresh = new ConcurrentHashMap<>();

    Staleness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The time a new push may not precede: the latest pushed checkedAt and the latest stored
     * result (a stale mark included). Read from the database, so a restart, which empties memory, does not
     * open a gap that a backdated push could fill with green.
     */
    Instant orderFloor(String key) {
        Timestamp stored = jdbc.queryForObject("select max(started_at) from probe_result where target_key = ?",
                Timestamp.class, key);
        Timestamp pushed = jdbc.queryForObject("select max(checked_at) from probe_external_push where target_key = ?",
                Timestamp.class, key);
        Instant floor = stored == null ? Instant.EPOCH : stored.toInstant();
        return pushed != null && pushed.toInstant().isAfter(floor) ? pushed.toInstant() : floor;
    }

    /** When the target last had news: its latest pushed checkedAt, or its creation when it never had a push. */
    Instant lastFresh(String key) {
        return fresh.computeIfAbsent(key, this::load);
    }

    private Instant load(String key) {
        List<Timestamp> pushed = jdbc.queryForList("select checked_at from probe_external_push where target_key = ?",
                Timestamp.class, key);
        List<Timestamp> created = jdbc.queryForList("select created_at from probe_target where target_key = ?",
                Timestamp.class, key);
        Instant at = Instant.EPOCH;
        for (Timestamp t : pushed) {
            at = t.toInstant().isAfter(at) ? t.toInstant() : at;
        }
        for (Timestamp t : created) { // a target deleted and created again does not inherit the old one's pushes
            at = t.toInstant().isAfter(at) ? t.toInstant() : at;
        }
        return at;
    }

    /**
     * Records a {@code stale} failure through {@code record} when the target has been silent longer than its
     * staleAfter at {@code now}; returns the mark or null when the target is fresh.
     */
    synchronized @Nullable ProbeResult markIfStale(ProbeTarget t, Instant now,
                                                   BiFunction<ProbeTarget, ProbeResult, ?> record) {
        Duration staleAfter = ExternalProbe.staleAfter(t);
        Instant last = lastFresh(t.key());
        if (Duration.between(last, now).compareTo(staleAfter) <= 0) {
            return null;
        }
        ProbeResult mark = new ProbeResult(t.key(), now, Duration.ZERO, Outcome.DOWN, "stale",
                "No result pushed within " + Durations.format(staleAfter) + " (latest " + (last.equals(Instant.EPOCH)
                        ? "never" : last.toString()) + ")", Map.of("lastPushAt", last.toString()));
        record.apply(t, mark);
        return mark;
    }

    /**
     * Stores a push's time. The caller holds this object's lock around its order check, this and the record
     * of the result, so no stale mark falls between them.
     */
    synchronized void stored(String key, Instant checkedAt, Instant receivedAt, String by) {
        Timestamp checked = Timestamp.from(checkedAt);
        Timestamp received = Timestamp.from(receivedAt);
        if (jdbc.update("update probe_external_push set checked_at = ?, received_at = ?, pushed_by = ? where target_key = ?",
                checked, received, by, key) == 0) {
            jdbc.update("insert into probe_external_push (target_key, checked_at, received_at, pushed_by) values (?, ?, ?, ?)",
                    key, checked, received, by);
        }
        fresh.merge(key, checkedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    void forget(String key) {
        fresh.remove(key);
    }
}
