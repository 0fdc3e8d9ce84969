package org.remediation.console.criteria;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.TeamDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public API of success criteria: define a phase's criteria or an incident's KPIs, confirm
 * manual ones, read live states, and re-evaluate as probe results arrive.
 */
@Service
@SignedIn
public class CriteriaService {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final CriterionStore store;
    private final CriteriaEngine engine;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final Map<String, KpiSnapshot> kpiCache = new ConcurrentHashMap<>();
    private final ObjectProvider<PhaseOwners> phaseOwners;
    private final TeamDirectory teams;

    CriteriaService(CriterionStore store, CriteriaEngine engine, AuditService audit, ApplicationEventPublisher events, Clock clock,
                    PlatformTransactionManager transactions, ObjectProvider<PhaseOwners> phaseOwners, TeamDirectory teams) {
        this.phaseOwners = phaseOwners;
        this.teams = teams;
        this.store = store;
        this.engine = engine;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Replaces the criteria of a phase ({@code phaseKey} null or empty: the incident's KPIs). A
     * criterion whose key and text are unchanged keeps its state and "since".
     */
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN, Roles.SYSTEM})
    @Transactional
    public List<CriterionStatus> defineCriteria(String incidentKey, @Nullable String phaseKey,
                                                List<CriterionDefinition> definitions) {
        String phase = phaseKey == null ? "" : phaseKey.strip();
        Map<String, CriterionSpec> specs = validate(incidentKey, phase, definitions);
        Instant now = clock.instant();
        Map<String, CriterionRow> existing = new HashMap<>();
        store.of(incidentKey, phase).forEach(r -> existing.put(r.owner().criterionKey(), r));
        List<CriterionRow> fresh = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            CriterionDefinition d = definitions.get(i);
            String canonical = specs.get(d.key()).text();
            CriterionRow old = existing.remove(d.key());
            if (old != null && old.definition().equals(canonical)) {
                store.updateLabelAndPosition(old.id(), d.label().strip(), i);
                continue;
            }
            if (old != null) {
                store.delete(old.id());
                engine.forget(old.id());
            }
            boolean manual = specs.get(d.key()) instanceof ManualCriterion;
            CriterionRow row = new CriterionRow(0, new CriterionOwner(incidentKey, phase, d.key()), d.label().strip(),
                    canonical, manual, i, manual ? CriterionState.NOT_MET : CriterionState.NO_DATA, now,
                    manual ? "awaiting confirmation" : "not evaluated yet", 0,
                    manual ? "a person must confirm this with an evidence note" : "not evaluated yet",
                    null, null, null, null, null);
            fresh.add(withId(row, store.insert(row)));
        }
        existing.values().forEach(r -> {
            store.delete(r.id());
            engine.forget(r.id());
        });
        audit.record("criteria.defined", subject(incidentKey, phase),
                Map.of("criteria", definitions.stream().map(d -> d.key() + ": " + specs.get(d.key()).text()).toList()));
        engine.criteriaChanged();
        engine.evaluateNow(fresh);
        engine.changed();
        events.publishEvent(new CriteriaDefined(incidentKey, phase));
        return statuses(incidentKey, phase);
    }

    /**
     * The one way a manual criterion becomes met: a lead of the team owning its phase, or a
     * commander, confirms it with evidence (what shows it is met). Confirming again replaces the
     * evidence. Refused for a measured criterion, an unknown one, a signed-off phase, a lead of
     * another team, and without evidence.
     */
    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMMANDER})
    @Transactional
    public CriterionStatus confirmManual(CriterionOwner owner, String evidenceNote) {
        Optional<CriterionRow> found = store.find(owner);
        String by = CurrentUser.require();
        if (found.isPresent() && !mayConfirm(owner)) {
            throw new AccessDeniedException("Only a lead of the team owning phase '" + owner.phaseKey()
                    + "' (or the incident commander) may confirm '" + found.get().label() + "'.");
        }
        Problems problems = new Problems();
        problems.check(found.isPresent(), "criterion", "There is no criterion '" + owner.criterionKey() + "' here.");
        found.ifPresent(r -> problems.check(r.manual(), "criterion",
                "'" + r.label() + "' is measured from probe data; only manual criteria can be confirmed by hand."));
        problems.check(!phaseOwner(owner).map(PhaseOwners.PhaseOwner::signedOff).orElse(false), "criterion",
                "Phase '" + owner.phaseKey() + "' is signed off; its criteria are frozen.");
        String note = evidenceNote == null ? "" : evidenceNote.strip();
        problems.check(note.length() >= 3, "evidenceNote",
                "Evidence is required: say what shows this criterion is met (at least 3 characters).");
        problems.check(note.length() <= 2000, "evidenceNote", "Keep the evidence under 2000 characters.");
        problems.throwIfAny();
        CriterionRow row = found.orElseThrow();
        Instant now = clock.instant();
        store.confirm(row.id(), note, by, now);
        Instant since = row.state() == CriterionState.MET ? row.since() : now;
        CriterionRow after = new CriterionRow(row.id(), row.owner(), row.label(), row.definition(), true, row.position(),
                CriterionState.MET, since, "confirmed by " + by, 0, "confirmed by " + by + ": " + note, now,
                CriteriaEngine.firstMet(row, CriterionState.MET, now), note, by, now);
        // Announced even when it was met already: the evidence changed, and every view shows it.
        engine.announce(engine.record(row, after, ""));
        audit.record("criterion.confirmed", "criterion:" + owner, Map.of("note", note));
        return status(after);
    }

    /**
     * Whether the signed-in user may confirm this manual criterion: a commander, or a lead of the
     * team owning its phase (a view hint; {@link #confirmManual} checks again).
     */
    public boolean mayConfirm(CriterionOwner owner) {
        if (CurrentUser.hasRole(Roles.COMMANDER)) {
            return true;
        }
        return CurrentUser.hasRole(Roles.TEAM_LEAD) && CurrentUser.username().flatMap(user -> phaseOwner(owner)
                .map(p -> teams.isLeadOf(user, p.team()))).orElse(false);
    }

    private Optional<PhaseOwners.PhaseOwner> phaseOwner(CriterionOwner owner) {
        return owner.isKpi() ? Optional.empty() : phaseOwners.getIfAvailable(() -> (i, p) -> Optional.empty())
                .owner(owner.incidentKey(), owner.phaseKey());
    }

    /**
     * Re-evaluates now the criteria that read this target. Probe results do not come this way: they
     * mark their criteria for the next coalesced round ({@link #evaluateMarked}).
     */
    @RolesAllowed(Roles.SYSTEM)
    public void onProbeResult(String targetKey) {
        engine.onProbeResult(targetKey);
    }

    /** Evaluates, once each, the criteria that probe results marked since the last call. */
    @RolesAllowed(Roles.SYSTEM)
    public void evaluateMarked() {
        engine.evaluateMarked();
    }

    /** On a node that does not lead: the marked criteria's figures for this node's boards, nothing recorded. */
    @RolesAllowed(Roles.SYSTEM)
    public void evaluateMarkedForDisplay() {
        engine.evaluateMarkedForDisplay();
    }

    /** Re-evaluates every measured criterion; called periodically so windows move with the clock. */
    @RolesAllowed(Roles.SYSTEM)
    public void reevaluateAll() {
        engine.reevaluateAll();
    }

    @Transactional(readOnly = true)
    public List<CriterionStatus> ofPhase(String incidentKey, String phaseKey) {
        return statuses(incidentKey, phaseKey);
    }

    /**
     * The incident's KPIs. Every open board asks this after each evaluation round, so the answer is
     * shared until the next committed change instead of read once per board.
     */
    public List<CriterionStatus> kpis(String incidentKey) {
        long version = engine.version(); // read before the rows: a change racing the read forces a re-read
        KpiSnapshot cached = kpiCache.get(incidentKey);
        if (cached != null && cached.version() == version) {
            return cached.statuses();
        }
        List<CriterionStatus> fresh = readOnly.execute(tx -> statuses(incidentKey, ""));
        kpiCache.put(incidentKey, new KpiSnapshot(version, fresh));
        return fresh;
    }

    private record KpiSnapshot(long version, List<CriterionStatus> statuses) {
    }

    /** Every criterion of the incident, KPIs first, then by phase. */
    @Transactional(readOnly = true)
    public List<CriterionStatus> ofIncident(String incidentKey) {
        return store.ofIncident(incidentKey).stream().map(this::status).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CriterionStatus> find(CriterionOwner owner) {
        return store.find(owner).map(this::status);
    }

    /**
     * One line per criterion of the incident (KPIs first) with its live value and state, for the
     * status-update draft, e.g. {@code [met] Database response < 500 ms: 320 ms (needs < 500 ms over 15m), since 09:12 UTC}.
     */
    @Transactional(readOnly = true)
    public List<String> statusLines(String incidentKey) {
        return ofIncident(incidentKey).stream().map(CriteriaService::statusLine).toList();
    }

    static String statusLine(CriterionStatus s) {
        String where = s.owner().isKpi() ? "" : " (phase " + s.owner().phaseKey() + ")";
        String value = s.manual() ? (s.met() ? "confirmed by " + s.confirmedBy() + ": " + s.evidenceNote()
                : "manual, awaiting confirmation") : s.valueText() + " (needs " + s.thresholdText() + ")";
        return "[" + s.state().label() + "] " + s.label() + where + ": " + value + ", since "
                + HumanTime.hourMinute(s.since()) + " UTC";
    }

    /**
     * Why a measured criterion could never get data as the probe targets stand now, in plain words:
     * {@code no such probe target: backend-helth}, a group without targets, no golden path. Empty when
     * its targets exist, and for a manual criterion. Runbook import warns with this (targets may be
     * added later); the evaluation says the same while it holds.
     *
     * @throws IllegalArgumentException when the definition does not parse ({@link CriterionText})
     */
    public Optional<String> missingProbes(String definition) {
        return CriterionText.parse(definition).measured().stream()
                .map(c -> CriterionEvaluator.missingProbes(c.subject(), engine.measurements()))
                .flatMap(Optional::stream).findFirst();
    }

    /** Per-minute values of the criterion's statistic over the last hour (null where no samples). */
    public List<@Nullable Double> trend(CriterionOwner owner) {
        return store.find(owner).map(r -> engine.spec(r.definition()) instanceof MeasuredCriterion c
                ? Trends.of(c, engine.measurements(), clock.instant()) : List.<@Nullable Double>of()).orElse(List.of());
    }

    /**
     * For a windowed criterion that is not met: the longest recent span over which it would be met
     * ("recovering: last 3 min OK, window still 15 min"). Empty when met, manual, not windowed, or
     * when even the last minute fails. Never changes the criterion's state.
     */
    public Optional<RecentlyMet> recovering(CriterionOwner owner) {
        return store.find(owner).filter(r -> r.state() == CriterionState.NOT_MET)
                .flatMap(r -> engine.spec(r.definition()) instanceof MeasuredCriterion c
                        ? Recovery.of(c, engine.measurements(), clock.instant(), engine.phaseStart(owner))
                        : Optional.<RecentlyMet>empty());
    }

    /** The threshold in the unit of {@link #trend} (ms or %), for drawing it on a sparkline. */
    public Optional<Double> thresholdValue(CriterionOwner owner) {
        return store.find(owner).map(r -> engine.spec(r.definition()))
                .filter(s -> s instanceof MeasuredCriterion c && c.statistic().windowed())
                .map(s -> {
                    MeasuredCriterion c = (MeasuredCriterion) s;
                    // a metric's threshold as written (its values are in its unit), a latency's in ms
                    return c.subject().kind() == Subject.Kind.TARGET && c.measurement() == null
                            && engine.measurements().metricUnit(c.subject().name()).isPresent()
                            ? c.threshold().amount() : c.thresholdValue();
                });
    }

    List<CriterionStatus> statuses(String incidentKey, String phaseKey) {
        return store.of(incidentKey, phaseKey).stream().map(this::status).toList();
    }

    CriterionStatus status(CriterionRow r) {
        CriterionSpec spec = engine.spec(r.definition());
        String threshold = spec instanceof MeasuredCriterion c ? c.thresholdText()
                + (c.statistic().windowed() ? (c.statistic().isCount() || c.statistic().isSum() ? " per " : " over ")
                + Tokens.formatDuration(c.window()) : "") : spec.thresholdText();
        Evaluation live = engine.latest(r.id()).filter(e -> e.state() == r.state()).orElse(null);
        return new CriterionStatus(r.owner(), r.label(), r.definition(), r.manual(), r.state(), r.since(),
                live == null ? r.valueText() : live.valueText(), live == null ? null : live.value(), threshold,
                live == null ? r.samples() : live.samples(), live == null ? r.detail() : live.detail(),
                live == null ? r.evaluatedAt() : live.at(), r.firstMetAt(), r.evidenceNote(), r.confirmedBy(),
                r.confirmedAt(), live == null ? null : live.decidedBy());
    }

    private Map<String, CriterionSpec> validate(String incidentKey, String phase, List<CriterionDefinition> defs) {
        Problems problems = new Problems();
        problems.check(KEY.matcher(incidentKey).matches(), "incidentKey",
                "Use letters, digits, '.', '-' or '_' for the incident key.");
        problems.check(phase.isEmpty() || KEY.matcher(phase).matches(), "phaseKey",
                "Use letters, digits, '.', '-' or '_' for the phase key.");
        Map<String, CriterionSpec> specs = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < defs.size(); i++) {
            CriterionDefinition d = defs.get(i);
            String at = "criteria[" + i + "]";
            if (!KEY.matcher(d.key()).matches()) {
                problems.add(at + ".key", "Use letters, digits, '.', '-' or '_' for the key (got '" + d.key() + "').");
            } else if (!seen.add(d.key())) {
                problems.add(at + ".key", "The key '" + d.key() + "' is used twice; keys must be unique.");
            }
            problems.check(!d.label().isBlank() && d.label().length() <= 1000, at + ".label",
                    "Give the criterion a label of 1 to 1000 characters.");
            try {
                CriterionSpec spec = CriterionText.parse(d.text());
                problems.check(spec.text().length() <= 1100, at + ".text", "Keep the criterion under 1100 characters.");
                unitsFit(spec).ifPresent(why -> problems.add(at + ".text", "'" + d.text() + "': " + why + "."));
                specs.put(d.key(), spec);
            } catch (TextSyntaxException e) {
                problems.add(at + ".text", "'" + d.text() + "' " + e.getMessage());
            }
        }
        problems.throwIfAny();
        return specs;
    }

    /**
     * Why a criterion on an existing probe of calls can never be judged: a threshold in a unit that is no
     * time unit ({@code p95 < 1000 kg}), a bare {@code count}. Metric targets are judged when evaluated:
     * their unit may be the one the API reports, unknown before the first read.
     */
    private java.util.Optional<String> unitsFit(CriterionSpec spec) {
        ProbeMeasurements m = engine.measurements();
        return spec.measured().stream()
                // a known interval: the measurements know the target (a fixture without probes knows none)
                .filter(c -> c.subject().kind() == Subject.Kind.TARGET && m.interval(c.subject().name()) != null
                        && m.metricUnit(c.subject().name()).isEmpty())
                .map(c -> MetricUnits.scale(c, c.subject().name(), m).problem())
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private static CriterionRow withId(CriterionRow r, long id) {
        return new CriterionRow(id, r.owner(), r.label(), r.definition(), r.manual(), r.position(), r.state(),
                r.since(), r.valueText(), r.samples(), r.detail(), r.evaluatedAt(), r.firstMetAt(), r.evidenceNote(),
                r.confirmedBy(), r.confirmedAt());
    }

    static String subject(String incidentKey, String phase) {
        return "incident:" + incidentKey + (phase.isEmpty() ? "/kpis" : "/phase:" + phase);
    }
}
