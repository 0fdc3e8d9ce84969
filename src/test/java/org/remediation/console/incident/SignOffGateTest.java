package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignOffGateTest {

    static PhaseState phase(List<PhaseState.Dependency> deps, boolean taskDone, boolean criterionMet) {
        return new PhaseState(2, "INC-1", 2, "b", "B", Severity.P0, "Development", List.of(), 0, 60, deps, "", "",
                List.of(), PhaseStatus.ACTIVE, null, null,
                List.of(new TaskState(1, 2, "b1", "Tune it", "Development", null, null, null, taskDone, null, null, 0)),
                List.of(new CriterionState(1, 2, "b-ok", "Fast", null, criterionMet, null, null, null, 0, null)), null);
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
                "task b1 is not done: Tune it", "criterion b-ok is not met: Fast");
    }

    @Test
    void extraChecksAddTheirReasons() {
        SignOffGate gate = new SignOffGate(List.of(p -> List.of("criterion b-ok not met (value 7200 ms)")));
        assertThat(gate.blockingReasons(phase(List.of(), true, true)))
                .containsExactly("criterion b-ok not met (value 7200 ms)");
    }
}
