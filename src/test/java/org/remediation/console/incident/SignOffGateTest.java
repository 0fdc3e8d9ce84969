package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.remediation.console.criteria.CriterionOwner;
import org.remediation.console.criteria.CriterionStatus;
import org.junit.jupiter.api.Test;

class SignOffGateTest {

    static PhaseState phase(List<PhaseState.Dependency> deps, boolean taskDone, boolean criterionMet) {
        return new PhaseState(2, "INC-1", 2, "b", "B", Severity.P0, "Development", List.of(), 0, 60, deps, "", "",
                List.of(), PhaseStatus.ACTIVE, null, null,
                List.of(new TaskState(1, 2, "b1", "Tune it", "Development", null, null, null, taskDone, null, null, 0)),
                List.of(new CriterionState("INC-1", "b", "b-ok", "Fast", null, null, manual(criterionMet))), null);
    }

    static CriterionStatus manual(boolean met) {
        Instant t = Instant.parse("2026-11-25T08:00:00Z");
        return new CriterionStatus(CriterionOwner.phase("INC-1", "b", "b-ok"), "Fast", "manual: Fast", true,
                met ? org.remediation.console.criteria.CriterionState.MET : org.remediation.console.criteria.CriterionState.NOT_MET, t, met ? "confirmed by lead" : "awaiting confirmation",
                null, "", 0, "", null, met ? t : null, met ? "p95 420 ms" : null, met ? "lead" : null, met ? t : null, null);
    }

    @Test
    void clearWhenDependenciesSignedOffTasksDoneAndCriteriaMet() {
        SignOffGate gate = new SignOffGate(List.of());
        assertThat(gate.blockingReasons(phase(List.of(new PhaseState.Dependency("a", "A", PhaseStatus.SIGNED_OFF)),
                true, true))).isEmpty();
    }

    @Test
    void namesEveryReason() {
        SignOffGate gate = new SignOffGate(List.of());
        assertThat(gate.blockingReasons(phase(List.of(new PhaseState.Dependency("a", "A", PhaseStatus.ACTIVE)),
                false, false))).containsExactly("depends on phase 'A', which is active, not signed off",
                "task b1 is not done: Tune it", "criterion 'Fast': not confirmed yet (manual criterion)");
    }

    @Test
    void extraChecksAddTheirReasons() {
        SignOffGate gate = new SignOffGate(List.of(p -> List.of("criterion b-ok not met (value 7200 ms)")));
        assertThat(gate.blockingReasons(phase(List.of(), true, true)))
                .containsExactly("criterion b-ok not met (value 7200 ms)");
    }
}
