package org.remediation.console.incident;

import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.SystemActor;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Moves a phase to "awaiting sign-off" when its gate clears, and back to "active" when it no longer
 * does, so the board shows which phases are ready for their lead. Blocked/pending are the commander's.
 */
@Component
class PhaseProgress {

    private final PlanReader reader;
    private final SignOffGate gate;
    private final TimelineService timeline;
    private final Clock clock;

    PhaseProgress(PlanReader reader, SignOffGate gate, TimelineService timeline, Clock clock) {
        this.reader = reader;
        this.gate = gate;
        this.timeline = timeline;
        this.clock = clock;
    }

    void recompute(Incident incident, Phase phase) {
        PhaseStatus status = phase.status();
        if (status != PhaseStatus.ACTIVE && status != PhaseStatus.AWAITING_SIGN_OFF && status != PhaseStatus.PENDING) {
            return;
        }
        boolean clear = gate.blockingReasons(reader.phase(incident, phase)).isEmpty();
        // whoever's change moved the phase: the person ticking, or the system when a criterion turned
        String actor = CurrentUser.usernameOr(SystemActor.NAME);
        if (clear && status != PhaseStatus.AWAITING_SIGN_OFF) {
            phase.status(PhaseStatus.AWAITING_SIGN_OFF, actor, clock.instant());
            timeline.record(incident, actor, "phase.status", "Phase '" + phase.title()
                    + "' is ready for sign-off by " + phase.ownerTeam(), false);
        } else if (!clear && status == PhaseStatus.AWAITING_SIGN_OFF) {
            phase.status(PhaseStatus.ACTIVE, actor, clock.instant());
            timeline.record(incident, actor, "phase.status", "Phase '" + phase.title()
                    + "' is no longer ready for sign-off", false);
        }
    }
}
