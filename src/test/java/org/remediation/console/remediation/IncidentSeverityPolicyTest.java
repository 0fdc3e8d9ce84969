package org.remediation.console.remediation;

import org.springframework.security.test.context.support.WithMockUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.incident.TimelineItem;
import org.remediation.console.incident.TimelineService;
import org.remediation.console.incident.TaskState;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A task links an action to its incident: the severity the approval policy uses and the timeline its steps go to. */
@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class IncidentSeverityPolicyTest {

    static final ResourceRef HEALTH_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");

    @Autowired RemediationService remediation;
    @Autowired IncidentService incidents;
    @Autowired RunbookService runbooks;
    @Autowired TimelineService timeline;
    @Autowired org.remediation.console.incident.ChecklistService checklist;

    @Test
    void aTaskOfTheP0IncidentNeedsASecondPersonWhateverTheFormSaid() {
        TaskState task = incidents.phases("INC-1278").get(0).tasks().get(0);
        ActionDraft draft = ActionDraft.of(ActionKind.HEALTH_CHECK, HEALTH_CHECK,
                Map.of("unhealthyThreshold", "4"), "tolerate slow starts").withIncident(String.valueOf(task.id()), "P3");
        ActionRecord record = As.user("operator", Role.OPERATOR, () -> remediation.request(draft));
        assertThat(record.incidentSeverity()).isEqualTo("P0");
        assertThat(record.approvalRequired()).isTrue();
    }

    @Test
    void theStepsOfAnActionOnATaskReachThatTasksIncidentInTheRequestersName() {
        String key = "INC-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278")));
        TaskState task = incidents.phases(key).get(0).tasks().get(0);
        ActionRecord record = As.user("operator", Role.OPERATOR, () -> remediation.request(ActionDraft.of(
                ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("unhealthyThreshold", "4"), "tolerate slow starts")
                .withIncident(String.valueOf(task.id()), null)));

        assertThat(record.incidentKey()).isEqualTo(key);
        List<TimelineItem> onTask = As.user("viewer", Role.VIEWER, () -> timeline.entries(key));
        assertThat(onTask).filteredOn(i -> i.text().contains(record.title()))
                .extracting(TimelineItem::category, TimelineItem::actor)
                .contains(tuple("action.requested", "operator"), tuple("action.previewed", "operator"));
        assertThat(As.user("viewer", Role.VIEWER, () -> timeline.entries("INC-1278")))
                .as("not the pinned incident").noneMatch(i -> i.text().contains(record.title()));
    }

    @Test
    void anUnknownTaskIsRefusedByName() {
        ActionDraft draft = ActionDraft.of(ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("healthyThreshold", "3"),
                "faster recovery").withIncident("987654321", null);
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> remediation.request(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("taskId")).isTrue());
    }

    /** Issue 15, item 10: an action linked to a task ticks it once it succeeded and verified; its rollback does not. */
    @Test
    void anActionOnATaskTicksItInTheRequestersNameWithTheLinkOnceItSucceededAndVerified() {
        String key = "INC-" + ThreadLocalRandom.current().nextInt(100_000, 999_999_999);
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278")));
        TaskState task = incidents.phases(key).get(0).tasks().get(0);
        ActionRecord a = As.user("operator", Role.OPERATOR, () -> remediation.request(ActionDraft.of(ActionKind.HEALTH_CHECK,
                HEALTH_CHECK, Map.of("unhealthyThreshold", "4"), "tolerate slow starts")
                .withIncident(String.valueOf(task.id()), null)));
        As.user("approver", Role.COMMANDER, () -> remediation.approve(a.id()));
        assertThat(checklist.task(task.id()).orElseThrow().done()).as("not before it ran").isFalse();
        As.user("operator", Role.OPERATOR, () -> remediation.execute(a.id()));
        assertThat(ActionTestSupport.awaitEnd(remediation, a.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);

        // ticked right after the action's own commit
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> checklist.task(task.id()).orElseThrow().done());
        TaskState ticked = checklist.task(task.id()).orElseThrow();
        assertThat(ticked.doneBy()).as("in the requester's name").isEqualTo("operator");
        assertThat(ticked.doneByAction()).isEqualTo(a.id());
        assertThat(As.user("viewer", Role.VIEWER, () -> timeline.entries(key))).anySatisfy(i -> {
            assertThat(i.category()).isEqualTo("task.done");
            assertThat(i.actor()).isEqualTo("operator");
            assertThat(i.text()).contains("action #" + a.id()).contains("succeeded and verified");
        });

        ActionRecord rollback = As.user("operator", Role.OPERATOR, () -> remediation.requestRollback(a.id(), "undo"));
        As.user("approver", Role.COMMANDER, () -> remediation.approve(rollback.id()));
        As.user("operator", Role.OPERATOR, () -> remediation.execute(rollback.id()));
        assertThat(ActionTestSupport.awaitEnd(remediation, rollback.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        // the change that did the task was undone: the task is open again (and the rollback ticks nothing)
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !checklist.task(task.id()).orElseThrow().done());
        assertThat(As.user("viewer", Role.VIEWER, () -> timeline.entries(key))).anySatisfy(i -> {
            assertThat(i.category()).isEqualTo("task.undone");
            assertThat(i.text()).contains("action #" + a.id()).contains("rolled back");
        });
    }
}
