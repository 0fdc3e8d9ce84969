package org.remediation.console.criteria;

import org.remediation.console.base.identity.SystemActor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.cluster.RemoteUpdate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs evaluation rounds: evaluates measured criteria, stores state changes with their "since",
 * and announces each change (a {@link CriterionStateChanged} and a timeline note). Rounds are
 * serialised so two probe results arriving together never record the same transition twice; their
 * announcements go out after the round committed and released the lock, so listeners that write
 * (checklist mirror, timeline) never run inside it.
 */
@Component
class CriteriaEngine {

    /** Advisory lock key of rounds and escalation checks in cluster mode (listed in base.cluster.LockSession). */
    static final int ROUND_LOCK = 2;

    private final CriterionStore store;
    private final Cluster cluster;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<ProbeMeasurements> measurements;
    private final ObjectProvider<PhaseTimes> phaseTimes;
    private final TransactionTemplate tx;
    private final Map<String, CriterionSpec> parsed = new ConcurrentHashMap<>();
    private final Map<Long, Evaluation> latest = new ConcurrentHashMap<>();
    private final Object roundLock = new Object();
    private final CriterionReaders readers;
    /** Targets with a result since the last round that some criterion reads: one set insert per result. */
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final AtomicLong rounds = new AtomicLong();
    /** Moves after every committed change of rows or evaluations; readers cache statuses against it. */
    private final AtomicLong version = new AtomicLong();

    CriteriaEngine(CriterionStore store, ApplicationEventPublisher events, Clock clock,
                   ObjectProvider<ProbeMeasurements> measurements, ObjectProvider<PhaseTimes> phaseTimes,
                   PlatformTransactionManager transactions, Cluster cluster) {
        this.store = store;
        this.cluster = cluster;
        this.phaseTimes = phaseTimes;
        this.events = events;
        this.clock = clock;
        this.measurements = measurements;
        this.tx = new TransactionTemplate(transactions);
        this.readers = new CriterionReaders(store, this::spec, this::measurements);
    }

    ProbeMeasurements measurements() {
        return measurements.getIfAvailable(NoProbeMeasurements::new);
    }

    CriterionSpec spec(String definition) {
        return parsed.computeIfAbsent(definition, CriterionText::parse);
    }

    /** The ids of the measured criteria that read this target (the evaluation index, not a query). */
    Set<Long> readersOf(String targetKey) {
        return readers.of(targetKey);
    }

    Optional<Evaluation> latest(long id) {
        return Optional.ofNullable(latest.get(id));
    }

    /**
     * Re-evaluates every measured criterion; time-based windows move even without new results. Also
     * rebuilds the index of which criteria read which target from the rows it read, so a change made
     * elsewhere (another console on the same database) is picked up within one period.
     */
    void reevaluateAll() {
        round(() -> {
            long generation = readers.generation();
            List<CriterionRow> all = store.all();
            readers.rebuild(generation, all);
            return all;
        });
    }

    /** Re-evaluates now the criteria that read this target (directly, through its group or the golden path). */
    void onProbeResult(String targetKey) {
        Set<Long> ids = readers.of(targetKey);
        if (!ids.isEmpty()) {
            round(() -> store.byIds(ids));
        }
    }

    /**
     * A result of this target arrived: marks the criteria that read it for the next coalesced round
     * ({@link #evaluateMarked}). Called for every probe result, so it costs a map lookup: no query,
     * no transaction, nothing at all for a target no criterion reads.
     */
    void resultArrived(String targetKey) {
        if (!readers.of(targetKey).isEmpty()) {
            marked.add(targetKey);
        }
    }

    /** Evaluates once each criterion marked since the last call, however many results marked it. */
    void evaluateMarked() {
        if (marked.isEmpty()) {
            return;
        }
        Set<String> targets = new HashSet<>();
        for (var it = marked.iterator(); it.hasNext(); ) {
            targets.add(it.next());
            it.remove();
        }
        try {
            Set<Long> ids = new HashSet<>();
            targets.forEach(t -> ids.addAll(readers.of(t)));
            round(() -> store.byIds(ids));
        } catch (RuntimeException failed) {
            marked.addAll(targets); // e.g. the database is down: the next round tries these again
            throw failed;
        }
    }

    /**
     * On a node that does not lead: evaluates the marked criteria for this node's boards only (the figures
     * beside each badge). States are the leader's to record; nothing is written or announced here.
     */
    void evaluateMarkedForDisplay() {
        if (marked.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        for (var it = marked.iterator(); it.hasNext(); ) {
            ids.addAll(readers.of(it.next()));
            it.remove();
        }
        List<CriterionRow> rows = store.byIds(ids).stream().filter(r -> !r.manual()).toList();
        evaluate(rows, clock.instant(), false);
        changed();
    }

    /** Criteria rows were added, removed or redefined: the index is rebuilt now and again once they commit. */
    void criteriaChanged() {
        readers.invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    readers.invalidate();
                }
            });
        }
    }

    /** Probe targets changed (a group or golden-path membership may have moved). */
    void targetsChanged() {
        readers.invalidate();
    }

    private void round(Supplier<List<CriterionRow>> read) {
        Set<String> incidents = new HashSet<>();
        List<Object> announcements = new ArrayList<>();
        synchronized (roundLock) {
            rounds.incrementAndGet();
            tx.executeWithoutResult(status -> {
                cluster.lockForTransaction(ROUND_LOCK); // before the read: never two rounds at once across consoles
                List<CriterionRow> rows = read.get().stream().filter(r -> !r.manual()).toList();
                announcements.addAll(evaluate(rows, clock.instant()));
                rows.forEach(r -> incidents.add(r.owner().incidentKey()));
            });
        }
        // outside the lock and the round's transaction: listeners and boards never hold up the next round
        announce(announcements);
        if (!incidents.isEmpty()) {
            events.publishEvent(new CriteriaEvaluated(Set.copyOf(incidents), clock.instant()));
        }
    }

    /** Publishes what {@link #record} returned (in the caller's transaction, if any). */
    void announce(List<Object> announcements) {
        announcements.forEach(events::publishEvent);
    }

    /** Rounds run since start (each one transaction): how tests and benchmarks see coalescing. */
    long rounds() {
        return rounds.get();
    }

    /** How often the index of which criteria read which target was built since start. */
    long indexBuilds() {
        return readers.builds();
    }

    long version() {
        return version.get();
    }

    /**
     * Another console changed something (its round, a confirmation, new criteria): this node's cached
     * statuses ({@link CriteriaService#kpis}) are read again, and its index of who reads which target after
     * new criteria.
     */
    @EventListener
    void on(RemoteUpdate remote) {
        if (remote.update() instanceof CriteriaDefined) {
            readers.invalidate(); // the leader's rounds read the new criteria before its next full round
        }
        version.incrementAndGet();
    }

    /** Moves the version once the current transaction commits (at once outside one). */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return HIGHEST_PRECEDENCE; // before after-commit listeners run, so they re-read
                }

                @Override
                public void afterCommit() {
                    version.incrementAndGet();
                }

                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet(); // a rolled-back round may still have moved evaluations
                }
            });
        } else {
            version.incrementAndGet();
        }
    }

    /**
     * Evaluates freshly inserted rows inside the caller's transaction. No round lock: those rows are
     * invisible to rounds until commit, and taking the lock while holding row locks could deadlock.
     */
    void evaluateNow(List<CriterionRow> rows) {
        announce(evaluate(rows.stream().filter(r -> !r.manual()).toList(), clock.instant()));
    }

    private List<Object> evaluate(List<CriterionRow> rows, Instant now) {
        return evaluate(rows, now, true);
    }

    private List<Object> evaluate(List<CriterionRow> rows, Instant now, boolean record) {
        List<Object> announcements = new ArrayList<>();
        RoundCache cache = new RoundCache(measurements());
        Map<String, PhaseStart> starts = new HashMap<>(); // one lookup per phase and round, not per criterion
        for (CriterionRow row : rows) {
            CriterionSpec spec = spec(row.definition());
            if (spec instanceof ManualCriterion) {
                continue;
            }
            Evaluation e;
            try {
                CriterionOwner o = row.owner();
                PhaseStart start = starts.computeIfAbsent(o.incidentKey() + '\n' + o.phaseKey(), k -> phaseStart(o));
                e = CriterionEvaluator.evaluate(spec, cache, now, start);
            } catch (RuntimeException failed) {
                // one unreadable measurement must neither roll back the round nor leave a stale "met"
                e = Evaluation.noData("unreadable", 0, "could not read the measurements: " + failed.getMessage(), now);
            }
            latest.put(row.id(), e);
            if (record && e.state() != row.state()) {
                announcements.addAll(record(row, row.withState(e, now, firstMet(row, e.state(), now)), spec.thresholdText()));
            }
        }
        changed();
        return announcements;
    }

    /** The start of the criterion's phase, the end of the baseline of {@code improved … since phase start}. */
    PhaseStart phaseStart(CriterionOwner owner) {
        if (owner.isKpi()) {
            return PhaseStart.none("a KPI belongs to no phase, so there is no phase start");
        }
        PhaseTimes times = phaseTimes.getIfAvailable();
        if (times == null) {
            return PhaseStart.none("phase times are not available");
        }
        return times.timing(owner.incidentKey(), owner.phaseKey())
                .map(t -> t.startedAt() == null
                        ? PhaseStart.none("phase " + owner.phaseKey() + " has not started")
                        : PhaseStart.at(t.startedAt()))
                .orElseGet(() -> PhaseStart.none("phase " + owner.phaseKey() + " is unknown"));
    }

    /**
     * Stores a state change (measured transition or manual confirmation) and returns its
     * announcements, for the caller to {@link #announce} when it holds no lock.
     */
    List<Object> record(CriterionRow before, CriterionRow after, String thresholdText) {
        store.updateState(after);
        changed();
        CriterionOwner o = after.owner();
        CriterionStateChanged changed = new CriterionStateChanged(o, after.label(), before.state(), after.state(),
                after.since(), after.valueText(), after.detail());
        String where = o.isKpi() ? "KPI" : "phase " + o.phaseKey();
        String measured = after.manual() ? after.detail()
                : after.valueText() + (thresholdText.isEmpty() ? "" : ", needs " + thresholdText);
        String actor = after.manual() && after.confirmedBy() != null ? after.confirmedBy() : SystemActor.NAME;
        return List.of(changed, new TimelineNote(after.since(), actor, "criterion.state",
                "Criterion '" + after.label() + "' (" + where + ") is now " + after.state().label() + ": " + measured,
                o.incidentKey(), Map.of("criterion", o.criterionKey(), "phase", o.phaseKey(),
                        "from", before.state().name(), "to", after.state().name(), "value", after.valueText())));
    }

    static @Nullable Instant firstMet(CriterionRow row, CriterionState state, Instant now) {
        return row.firstMetAt() != null ? row.firstMetAt() : state == CriterionState.MET ? now : null;
    }

    void forget(long id) {
        latest.remove(id);
        changed();
    }

    List<CriterionRow> rowsOf(String incidentKey, String phaseKey) {
        return new ArrayList<>(store.of(incidentKey, phaseKey));
    }
}
