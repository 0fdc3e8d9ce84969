package org.remediation.console.incident;

import org.springframework.security.test.context.support.WithMockUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Contract: runbook import and a task added to the checklist read a task's action through the same
 * {@link TaskActions} port, so they accept and refuse the same specs, in the same words.
 */
@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class TaskActionAgreementTest {

    @Autowired RunbookService runbooks;
    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired TaskActions actions;

    static Stream<Arguments> specs() {
        String connector = "scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector ";
        return Stream.of(
                Arguments.of(connector + "minInstances=3 maxInstances=10 machineType=e2-standard-4", true),
                Arguments.of(connector + "minInstances=lots maxInstances=10", false),
                Arguments.of(connector + "minInstances=3 maxInstances=50 machineType=e2-standard-8", false),
                Arguments.of(connector + "minInstances=3", false),
                Arguments.of("scale-connector resource=SQL_INSTANCE/us-central1/netra-staging-db minInstances=3 "
                        + "maxInstances=10", false),
                Arguments.of("sql-flag flag=max_connections value=\"500\"", true),
                Arguments.of("sql-flag flag=max_connections value=\"500", false),
                Arguments.of("sql-tier tier=db-custom-4-15360 tier=db-custom-2-7680", false),
                Arguments.of("run-traffic revision=LATEST percent=50", false),
                Arguments.of("health-check checkIntervalSec=5 timeoutSec=10", false),
                Arguments.of("reboot-everything now=1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void importAndTheChecklistAcceptAndRefuseTheSameSpecsInTheSameWords(String spec, boolean accepted) {
        List<String> atImport = problems(() -> runbooks.parse(runbookWith(spec)));
        assertThat(atImport.isEmpty()).as(atImport.toString()).isEqualTo(accepted);
        PhaseState a = TestPlans.phase(incidents, TestPlans.open(incidents).key(), "a");
        List<String> onTheChecklist = problems(() -> As.user("responder", Role.RESPONDER,
                () -> checklist.addTask(a.id(), "Do it", "QA", null, spec)));
        assertThat(onTheChecklist).isEqualTo(atImport);
    }

    @Test
    void theRemediationFeatureReadsTheActionsInTheFullConsole() {
        assertThat(actions).isNotSameAs(TaskActions.UNCHECKED);
        assertThat(actions.read("sql-tier tier=db-custom-4-15360").label()).isEqualTo("Change Cloud SQL tier");
    }

    /** The action-spec problems, without the YAML line (the checklist has none). */
    private static List<String> problems(Runnable attempt) {
        try {
            attempt.run();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems().stream().filter(p -> p.field().endsWith("actionSpec"))
                    .map(p -> p.message().replaceFirst("^line \\d+: ", "")).toList();
        }
    }

    private static String runbookWith(String spec) {
        return "title: Drill\nseverity: P1\nphases:\n  - key: a\n    title: A\n    priority: P0\n"
                + "    owner: Infrastructure\n    window: { start: 0h, end: 4h }\n    tasks:\n      - id: t1\n"
                + "        text: x\n        owner: QA\n        actionSpec: '" + spec + "'\n";
    }
}
