package org.remediation.console.incident;

import org.springframework.stereotype.Component;

/**
 * Moves a phase to "awaiting sign-off" when its gate clears, and back to "active" when it no longer
 * does, so the board shows which phases are ready for their lead. Blocked/pending are the commander's.
 */
@Component
class PhaseProgress {

    private final PlanReader reader;
    private final SignOffGate gate;
    private final java.time.Clock clock;

    PhaseProgress(PlanReader reader, SignOffGate gate, java.time.Clock clock) {
        this.clock = clock;
        this.reader = reader;
        this.gate = gate;
    }

    void recompute(Incident incident, Phase phase) {
        PhaseStatus status = phase.status();
        if (status != PhaseStatus.ACTIVE && status != PhaseStatus.AWAITING_SIGN_OFF && status != PhaseStatus.PENDING) {
            return;
        }
        boolean clear = gate.blockingReasons(reader.phase(incident, phase)).isEmpty();
        if (clear && status != PhaseStatus.AWAITING_SIGN_OFF) {
            phase.status(PhaseStatus.AWAITING_SIGN_OFF, "system", clock.instant());
        } else if (!clear && status == PhaseStatus.AWAITING_SIGN_OFF) {
            phase.status(PhaseStatus.ACTIVE, "system", clock.instant());
        }
    }
}
