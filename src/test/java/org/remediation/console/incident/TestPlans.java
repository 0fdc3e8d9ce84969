package org.remediation.console.incident;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;

/** Small plans with unique keys, so tests never depend on what other tests (or runs) left behind. */
public final class TestPlans {

    private TestPlans() {
    }

    /** Phase a (Infrastructure) → phase b (Development, depends on a); one task and one criterion each. */
    public static Runbook small() {
        return new Runbook("Drill", Severity.P1, "none", List.of(
                new Runbook.Phase("a", "Phase A", Severity.P0, "Infrastructure", List.of("Platform"), 0, 60, List.of(),
                        "scale back", "call GCP", List.of("check it"),
                        List.of(new Runbook.Task("a1", "Scale it", "Infrastructure", "gcloud do-it",
                                "scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=3 "
                                        + "maxInstances=10", null)),
                        List.of(new Runbook.Criterion("a-ok", "It works", "backend-health"))),
                new Runbook.Phase("b", "Phase B", Severity.P1, "Development", List.of(), 60, 120, List.of("a"),
                        "", "", List.of(),
                        List.of(new Runbook.Task("b1", "Tune it", "Development", null, null, null)),
                        List.of(new Runbook.Criterion("b-ok", "It is fast", null)))));
    }

    public static String newKey() {
        return "T-" + ThreadLocalRandom.current().nextInt(1, 999_999_999);
    }

    public static IncidentSummary open(IncidentService incidents) {
        return As.user("commander", Role.COMMANDER, () -> incidents.create(newKey(), small()));
    }

    public static PhaseState phase(IncidentService incidents, String key, String phaseKey) {
        return As.viewer(() -> incidents.phases(key)).stream().filter(p -> p.key().equals(phaseKey)).findFirst()
                .orElseThrow();
    }

    /** Ticks every task and confirms every manual criterion of the phase, as the commander. */
    public static void complete(IncidentService incidents, ChecklistService checklist, CriteriaService criteria,
                                String key, String phaseKey) {
        PhaseState p = phase(incidents, key, phaseKey);
        As.user("commander", Role.COMMANDER, () -> {
            p.tasks().forEach(t -> checklist.setDone(t.id(), t.version(), true));
            p.criteria().stream().filter(c -> !c.measured())
                    .forEach(c -> criteria.confirmManual(c.owner(), "probe green"));
        });
    }
}
