package org.remediation.console.probe;

import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.annotation.PreDestroy;
import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.cluster.ClusterBus;
import org.remediation.console.base.cluster.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes results in batches: buffered in memory, flushed every {@code console.probes.flush-interval}
 * (5 s: on an embedded database each commit rewrites the index pages it touched, so fewer, larger
 * commits cost less per result), on shutdown, or as soon as
 * {@code console.probes.batch-size} results are waiting, with one JDBC batch insert in one
 * transaction.
 *
 * <p>When the database is unreachable (a restart, a fail-over) results and state changes are held
 * and retried on every flush, so an outage of the database leaves no silent gap in the history. The
 * hold is bounded ({@link #MAX_HELD_BATCHES} batches); beyond it the oldest results are dropped,
 * counted in {@link #dropped()} and logged as an error.
 */
@Component
class ResultWriter {

    /** How many batches of results are held while the database is down. */
    static final int MAX_HELD_BATCHES = 200;
    /** And never more than this many results (about 30 MiB of heap). */
    static final int MAX_HELD_RESULTS = 100_000;
    /** The measurements column's size. */
    static final int MEASUREMENTS_CHARS = 2000;

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int batchSize;
    private final int maxHeld;
    private final ConcurrentLinkedQueue<Fenced> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ArrayDeque<Fenced> held = new ArrayDeque<>(); // guarded by this
    private final ProbePartitions partitions;
    private final @org.jspecify.annotations.Nullable Cluster cluster;
    private final @org.jspecify.annotations.Nullable ClusterBus bus;
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentLinkedQueue<StateChange> heldChanges = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean earlyFlush = new java.util.concurrent.atomic.AtomicBoolean();
    private boolean failing; // guarded by this

    /** A result and the fencing token of its partition on this node when it was recorded. */
    record Fenced(ProbeResult result, long fence) {
    }

    /** One node (tests that build the engine by hand). */
    ResultWriter(JdbcTemplate jdbc, ProbeProperties properties, PlatformTransactionManager transactions) {
        this(jdbc, properties, transactions, ProbePartitions.single(), null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ResultWriter(JdbcTemplate jdbc, ProbeProperties properties, PlatformTransactionManager transactions,
                 ProbePartitions partitions, @org.jspecify.annotations.Nullable Cluster cluster,
                 @org.jspecify.annotations.Nullable ClusterBus bus) {
        this.jdbc = jdbc;
        this.partitions = partitions;
        this.cluster = cluster;
        this.bus = bus;
        this.tx = new TransactionTemplate(transactions);
        this.batchSize = Math.max(1, properties.batchSize());
        this.maxHeld = Math.min(MAX_HELD_RESULTS, batchSize * MAX_HELD_BATCHES);
    }

    void enqueue(ProbeResult r) {
        enqueue(r, partitions.fenceOf(r.targetKey()));
    }

    /** @param fence the result's partition fence on this node, or {@link ProbePartitions#UNFENCED} (pushed results) */
    void enqueue(ProbeResult r, long fence) {
        queue.add(new Fenced(r, fence));
        if (waiting.incrementAndGet() >= batchSize && earlyFlush.compareAndSet(false, true)) {
            Thread.ofVirtual().start(() -> {
                try {
                    flush();
                } finally {
                    earlyFlush.set(false);
                }
            });
        }
    }

    /** Writes what is waiting (and what an earlier failure held back); returns how many results were written. */
    @Scheduled(fixedDelayString = "${console.probes.flush-interval:5s}")
    synchronized int flush() {
        List<Fenced> batch = new ArrayList<>(held);
        int retried = batch.size();
        held.clear();
        for (Fenced r = queue.poll(); r != null; r = queue.poll()) {
            batch.add(r);
            waiting.decrementAndGet();
        }
        if (batch.isEmpty() && heldChanges.isEmpty()) {
            return 0;
        }
        List<StateChange> changes = List.copyOf(heldChanges);
        try {
            // one transaction, one commit per flush: a commit per row cost more than the rows (issue 14)
            tx.executeWithoutResult(status -> {
                changes.forEach(this::writeChange);
                List<ProbeResult> accepted = partitions.clustered() ? fenced(batch) : batch.stream().map(Fenced::result).toList();
                insert(accepted);
                if (cluster != null && bus != null && partitions.clustered()) { // delivered to the others at commit, not before
                    ClusterBus b = bus;
                    ResultStream.encode(cluster.nodeId(), accepted, ClusterBus.MAX_PAYLOAD)
                            .forEach(m -> b.send(ResultStream.CHANNEL, m));
                }
            });
            changes.forEach(c -> heldChanges.poll()); // only flush removes, so the head is what was written
        } catch (RuntimeException e) {
            hold(batch, e);
            return 0;
        }
        if (failing) {
            failing = false;
            log.info("Database reachable again: wrote {} probe results held back during the outage", retried);
        }
        return batch.size();
    }

    /**
     * The results this node may still store: those of partitions it holds under the same fence, and those
     * its previous holder here ran before handing the partition over. The partitions' rows are share-locked
     * until commit, so no other node takes one over between this check and the insert.
     */
    private List<ProbeResult> fenced(List<Fenced> batch) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Fenced f : batch) {
            if (f.fence() != ProbePartitions.UNFENCED) {
                names.add(ProbePartitions.leaseName(partitions.of(f.result().targetKey())));
            }
        }
        java.util.Map<String, Lease> leases = new java.util.HashMap<>();
        java.util.Objects.requireNonNull(cluster).leases().lockedForWrite(names).forEach(l -> leases.put(l.name(), l));
        List<ProbeResult> accepted = new ArrayList<>(batch.size());
        int out = 0;
        for (Fenced f : batch) {
            Lease l = f.fence() == ProbePartitions.UNFENCED ? null
                    : leases.get(ProbePartitions.leaseName(partitions.of(f.result().targetKey())));
            if (mayStore(f, l)) {
                accepted.add(f.result());
            } else {
                out++;
            }
        }
        if (out > 0) {
            long total = refused.addAndGet(out);
            log.warn("Refused {} probe results of partitions another node took over meanwhile ({} since start)", out, total);
        }
        return accepted;
    }

    /**
     * Whether a result may be stored: unfenced (pushed), or recorded under the partition's current fence,
     * or under the fence before a hand-over by a run started before it (the next holder starts after).
     * After a takeover from a holder that stopped answering, its late results are refused: the taker runs
     * the interval it took over in, and one run per interval is the rule.
     */
    static boolean mayStore(Fenced f, @org.jspecify.annotations.Nullable Lease l) {
        if (f.fence() == ProbePartitions.UNFENCED) {
            return true;
        }
        if (l == null) {
            return false;
        }
        return l.fence() == f.fence() || l.graceful() && l.prevFence() == f.fence() && l.changedAt() != null
                && f.result().startedAt().isBefore(l.changedAt());
    }

    /** Results refused since start because their partition had moved to another node. */
    long refused() {
        return refused.get();
    }

    private void hold(List<Fenced> batch, RuntimeException e) {
        int over = batch.size() - maxHeld;
        List<Fenced> kept = over > 0 ? batch.subList(over, batch.size()) : batch;
        held.addAll(kept);
        if (over > 0) {
            long total = dropped.addAndGet(over);
            log.error("Probe results dropped: {} oldest results could not be written while the database is down "
                    + "({} dropped since start; at most {} are held)", over, total, maxHeld);
        }
        if (!failing) {
            failing = true;
            log.warn("Could not write {} probe results; holding them and retrying every flush", kept.size(), e);
        }
    }

    private void insert(List<ProbeResult> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into probe_result (target_key, started_at, duration_ms, outcome, error_class, "
                + "error_message, measurements, metric_value) values (?, ?, ?, ?, ?, ?, ?, ?)", batch, 200, (ps, r) -> {
                    ps.setString(1, r.targetKey());
                    ps.setTimestamp(2, Timestamp.from(r.startedAt()));
                    ps.setDouble(3, r.durationMs());
                    ps.setString(4, r.outcome().name());
                    ps.setString(5, r.errorClass());
                    ps.setString(6, r.error() == null ? null : truncate(r.error(), 500));
                    ps.setString(7, MeasurementsText.of(r.measurements(), MEASUREMENTS_CHARS));
                    if (r.metricValue() == null) {
                        ps.setNull(8, java.sql.Types.DOUBLE);
                    } else {
                        ps.setDouble(8, r.metricValue());
                    }
                });
    }

    /** The probe scheduler has stopped (a lifecycle bean, stopped first): what is buffered is written before the database closes. */
    @PreDestroy
    void flushOnShutdown() {
        flush();
        int left = held();
        if (left > 0) {
            log.error("Shutting down with {} probe results and state changes that could not be written", left);
        }
    }

    /** Stores a state change now, or holds it for the next flush when the database is unreachable. */
    void recordChange(StateChange c) {
        try {
            writeChange(c);
        } catch (RuntimeException e) {
            heldChanges.add(c);
            log.warn("Could not store the state change of {} ({} -> {}); it is retried with the next flush",
                    c.targetKey(), c.from(), c.to());
        }
    }

    private void writeChange(StateChange c) {
        jdbc.update("insert into probe_state_change (target_key, changed_at, from_state, to_state, reason) values (?, ?, ?, ?, ?)",
                c.targetKey(), Timestamp.from(c.at()), c.from().name(), c.to().name(), truncate(c.reason(), 500));
    }

    /**
     * Writes what is waiting now; false when the database refused it (results stay held). The rollup
     * calls this first, so a minute is never rolled up while its last runs wait in memory.
     */
    synchronized boolean writeWaiting() {
        flush();
        return held.isEmpty() && heldChanges.isEmpty();
    }

    /** Results dropped since start because the hold was full. */
    long dropped() {
        return dropped.get();
    }

    /** Results and state changes waiting for the database. */
    synchronized int held() {
        return held.size() + heldChanges.size() + waiting.get();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
