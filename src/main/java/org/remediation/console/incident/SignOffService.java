package org.remediation.console.incident;

import org.remediation.console.base.identity.SignedIn;
import org.remediation.console.criteria.EvidenceSnapshot;
import org.remediation.console.criteria.PhaseEvidence;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.TeamDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phase sign-off: a lead of the owning team (or a commander) signs off once {@link SignOffGate}
 * has no objection; a commander may override the gate with a written reason, which is recorded
 * loudly on the timeline and in the audit trail. The evidence is frozen into the sign-off record.
 */
@Service
@SignedIn
public class SignOffService {

    static final int MIN_REASON = 10;

    private final PhaseRepository phases;
    private final IncidentRepository incidents;
    private final SignOffRepository signOffs;
    private final PlanReader reader;
    private final SignOffGate gate;
    private final TeamDirectory teams;
    private final TimelineService timeline;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PhaseEvidence evidence;

    SignOffService(PhaseRepository phases, IncidentRepository incidents, SignOffRepository signOffs,
                   PlanReader reader, SignOffGate gate, TeamDirectory teams, TimelineService timeline,
                   AuditService audit, ApplicationEventPublisher events, Clock clock, PhaseEvidence evidence) {
        this.evidence = evidence;
        this.phases = phases;
        this.incidents = incidents;
        this.signOffs = signOffs;
        this.reader = reader;
        this.gate = gate;
        this.teams = teams;
        this.timeline = timeline;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Why the phase cannot be signed off yet; empty when it can. */
    @Transactional(readOnly = true)
    public List<String> blockingReasons(long phaseId) {
        Phase phase = phase(phaseId);
        return gate.blockingReasons(reader.phase(incident(phase), phase));
    }

    /**
     * Every criterion of the phase exactly as it stood when {@code record} was signed (sign-offs
     * recorded before issue 13 froze only the measured ones).
     */
    public List<EvidenceSnapshot> frozenEvidence(SignOffRecord record) {
        var root = PlanReader.JSON.readTree(record.snapshotJson());
        var node = root.has("evidence") ? root.get("evidence") : root.get("measuredEvidence");
        return node == null || node.isNull() ? List.of() : evidence.thaw(node.toString());
    }

    @Transactional(readOnly = true)
    public List<SignOffRecord> history(long phaseId) {
        return signOffs.findByPhaseIdOrderBySignedAtDesc(phaseId).stream().map(SignOff::record).toList();
    }

    /** Whether the signed-in user may sign this phase off (a view hint; the service checks again). */
    @Transactional(readOnly = true)
    public boolean maySignOff(long phaseId) {
        return CurrentUser.hasRole(Roles.COMMANDER) || (CurrentUser.hasRole(Roles.TEAM_LEAD)
                && CurrentUser.username().map(u -> teams.isLeadOf(u, phase(phaseId).ownerTeam())).orElse(false));
    }

    @RolesAllowed({Roles.TEAM_LEAD, Roles.COMMANDER})
    @Transactional
    public SignOffRecord signOff(long phaseId) {
        Phase phase = phase(phaseId);
        String user = CurrentUser.require();
        if (!CurrentUser.hasRole(Roles.COMMANDER) && !teams.isLeadOf(user, phase.ownerTeam())) {
            throw new AccessDeniedException("Only a lead of " + phase.ownerTeam() + " (or the incident commander) "
                    + "may sign off phase '" + phase.title() + "'.");
        }
        Incident incident = incident(phase);
        PhaseState state = reader.phase(incident, phase);
        List<String> reasons = gate.blockingReasons(state);
        if (!reasons.isEmpty()) {
            throw new InvalidInputException("signOff", "Phase '" + phase.title() + "' cannot be signed off yet: "
                    + String.join("; ", reasons));
        }
        return record(incident, phase, state, user, null, List.of());
    }

    /** Signs off despite the gate; the reason is required and everyone will see it. */
    @RolesAllowed(Roles.COMMANDER)
    @Transactional
    public SignOffRecord overrideSignOff(long phaseId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > 2000) {
            throw new InvalidInputException("reason", "write why you override the sign-off gate ("
                    + MIN_REASON + " to 2000 characters)");
        }
        Phase phase = phase(phaseId);
        if (phase.status() == PhaseStatus.SIGNED_OFF) {
            throw new InvalidInputException("signOff", "phase '" + phase.title() + "' is already signed off");
        }
        Incident incident = incident(phase);
        PhaseState state = reader.phase(incident, phase);
        return record(incident, phase, state, CurrentUser.require(), why, gate.blockingReasons(state));
    }

    private SignOffRecord record(Incident incident, Phase phase, PhaseState state, String user,
                                 @Nullable String overrideReason, List<String> bypassed) {
        Instant now = clock.instant();
        boolean override = overrideReason != null;
        String snapshot = snapshot(state, user, now, overrideReason, bypassed,
                evidence.snapshot(incident.key(), phase.key()));
        SignOff signOff = signOffs.save(new SignOff(phase.id(), user, now, override, overrideReason, snapshot));
        phase.status(PhaseStatus.SIGNED_OFF, user, now);
        String text = override
                ? "OVERRIDE: phase '" + phase.title() + "' signed off by " + user + " despite " + bypassed.size()
                        + " blocking reason(s) — reason: " + overrideReason
                : "Phase '" + phase.title() + "' signed off by " + user + " (" + state.tasksDone() + "/"
                        + state.tasks().size() + " tasks, " + state.criteriaMet() + "/" + state.criteria().size()
                        + " criteria)";
        timeline.record(incident, user, override ? "phase.override" : "phase.signoff", text, override);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("phase", phase.key());
        details.put("override", override);
        details.put("reason", overrideReason == null ? "" : overrideReason);
        details.put("bypassed", bypassed);
        audit.record(override ? "phase.signoff.override" : "phase.signoff", incident.key() + "/" + phase.key(), details);
        events.publishEvent(new IncidentChanged(incident.key(), phase.id()));
        return signOff.record();
    }

    private static String snapshot(PhaseState s, String user, Instant at, @Nullable String reason,
                                   List<String> bypassed, List<EvidenceSnapshot> measured) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", s.key());
        m.put("signedBy", user);
        m.put("signedAt", at.toString());
        m.put("override", reason != null);
        m.put("reason", reason);
        m.put("bypassed", bypassed.stream().map(r -> cut(r, 300)).toList());
        m.put("tasks", s.tasks().stream().map(t -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("ref", t.ref());
            x.put("text", cut(t.text(), 120));
            x.put("done", t.done());
            x.put("doneBy", t.doneBy());
            x.put("doneAt", t.doneAt() == null ? null : t.doneAt().toString());
            return x;
        }).toList());
        // Frozen evidence: every criterion by its title, manual ones with their note and who confirmed
        // them, measured ones with value, threshold, window, samples and state — the state the gate read.
        m.put("evidence", measured);
        return PlanReader.JSON.writeValueAsString(m);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private Phase phase(long phaseId) {
        return phases.findById(phaseId).orElseThrow(() -> new InvalidInputException("phase", "no such phase"));
    }

    private Incident incident(Phase phase) {
        return incidents.findById(phase.incidentId()).orElseThrow();
    }
}
