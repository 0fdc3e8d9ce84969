package org.remediation.console.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.remediation.ActionFilter;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two users through the views: request (pre-filled from a task spec) → approve → execute → roll back. */
@SandboxTestSettings
class RemediationFlowViewTest extends KaribuTest {

    private static final ResourceRef DB = ResourceRef.parse("SQL_INSTANCE/us-central1/netra-staging-db");

    @Autowired
    org.remediation.console.incident.IncidentService incidents;
    @Autowired
    RemediationService service;
    @Autowired
    CloudGateway gateway;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void outageState() {
        As.user("admin", Role.ADMIN, () -> {
            sandbox.faults().forEach(f -> sandbox.clearFault(f.target()));
            sandbox.resetTopology();
        });
    }

    @Test
    void anOperatorRequestsACommanderApprovesTheOperatorExecutesAndRollsBack() {
        login("operator", Role.OPERATOR);
        String taskId = String.valueOf(incidents.phases("INC-1278").get(1).tasks().get(0).id());
        UI.getCurrent().navigate("actions/new", QueryParameters.simple(Map.of("task", taskId,
                "spec", "sql-tier resource=" + DB + " tier=db-custom-4-15360")));
        assertThat(_get(TextField.class, s -> s.withId("param-tier")).getValue()).isEqualTo("db-custom-4-15360");
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.combobox.ComboBox<org.remediation.console.incident.TaskState> task =
                _get(com.vaadin.flow.component.combobox.ComboBox.class, s -> s.withId("action-task"));
        assertThat(String.valueOf(task.getValue().id())).isEqualTo(taskId);
        _setValue(_get(TextArea.class, s -> s.withId("action-reason")), "DB connect timeouts under load");
        _click(_get(Button.class, s -> s.withId("preview")));
        assertThat(_get(Pre.class, s -> s.withId("preview-gcloud")).getText())
                .isEqualTo("gcloud sql instances patch netra-staging-db --tier=db-custom-4-15360 --project=netra-staging");
        _click(_get(Button.class, s -> s.withId("submit-request")));
        ActionRecord requested = latest();
        assertThat(requested.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);
        assertThat(requested.taskId()).isEqualTo(taskId);
        assertThat(requested.incidentSeverity()).as("taken from the linked incident").isEqualTo("P0");
        assertThat(_find(Button.class, s -> s.withId("approve"))).as("no self-approval button").isEmpty();

        login("commander", Role.COMMANDER);
        navigate("actions/inbox");
        @SuppressWarnings("unchecked")
        Grid<ActionRecord> inbox = _get(Grid.class, s -> s.withId("approval-inbox"));
        assertThat(GridKt._findAll(inbox)).extracting(ActionRecord::id).contains(requested.id());
        navigate("actions/" + requested.id());
        _click(_get(Button.class, s -> s.withId("approve")));
        // irreversible steps take a second click that restates what happens, with the diff being approved
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, s -> s.withId("confirm-text-approve")).getText())
                .contains("requested by operator").contains("binds to the live state");
        assertThat(_find(Grid.class, s -> s.withId("preview-diff"))).hasSizeGreaterThanOrEqualTo(2);
        _click(_get(Button.class, s -> s.withId("cancel-approve")));
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(requested.id())).approvedBy()).as("cancelled").isNull();
        _click(_get(Button.class, s -> s.withId("approve")));
        _click(_get(Button.class, s -> s.withId("yes-approve")));
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(requested.id())).approvedBy()).isEqualTo("commander");

        login("operator", Role.OPERATOR);
        navigate("actions/" + requested.id());
        _click(_get(Button.class, s -> s.withId("execute")));
        _click(_get(Button.class, s -> s.withId("yes-execute")));
        awaitEnd(requested.id(), ActionStatus.SUCCEEDED);
        assertThat(gateway.read(DB).require(Attributes.TIER)).isEqualTo("db-custom-4-15360");
        navigate("actions/" + requested.id());
        _click(_get(Button.class, s -> s.withId("request-rollback")));
        _setValue(_get(TextArea.class, s -> s.withId("reason-text")), "costs too much after the incident");
        _click(_get(Button.class, s -> s.withId("reason-confirm")));
        ActionRecord rollback = latest();
        assertThat(rollback.rollbackOf()).isEqualTo(requested.id());
        assertThat(rollback.status()).isEqualTo(ActionStatus.AWAITING_APPROVAL);

        login("commander", Role.COMMANDER);
        navigate("actions/" + rollback.id());
        _click(_get(Button.class, s -> s.withId("approve")));
        _click(_get(Button.class, s -> s.withId("yes-approve")));
        login("operator", Role.OPERATOR);
        navigate("actions/" + rollback.id());
        _click(_get(Button.class, s -> s.withId("execute")));
        _click(_get(Button.class, s -> s.withId("yes-execute")));
        awaitEnd(rollback.id(), ActionStatus.SUCCEEDED);
        assertThat(gateway.read(DB).require(Attributes.TIER)).isEqualTo("db-custom-2-7680");
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(requested.id())).status()).isEqualTo(ActionStatus.ROLLED_BACK);
    }

    /** Issue 15, item 11: validation spoke in field ids in a toast over the form, and only after Preview. */
    @Test
    void theFormSaysWhatIsWrongBesideTheFieldInWordsWhileTheUserTypes() {
        login("operator", Role.OPERATOR);
        navigate("actions/new");
        TextField max = _get(TextField.class, s -> s.withId("param-maxInstances"));
        _setValue(max, "30");
        assertThat(max.isInvalid()).isTrue();
        assertThat(max.getErrorMessage()).startsWith("Maximum instances").doesNotContain("maxInstances");
        assertThat(_get(TextArea.class, s -> s.withId("action-reason")).isInvalid())
                .as("a field the user has not touched yet is not wrong yet").isFalse();
        _setValue(max, "10");
        assertThat(max.isInvalid()).isFalse();
        assertThat(service.history(new ActionFilter(null, null, null), 500)).as("validating writes nothing")
                .noneMatch(a -> a.params().getOrDefault("maxInstances", "").equals("30"));
    }

    private ActionRecord latest() {
        return As.user("viewer", Role.VIEWER, () -> service.history(ActionFilter.all(), 1)).getFirst();
    }

    private void awaitEnd(long id, ActionStatus expected) {
        org.awaitility.Awaitility.await().pollInSameThread().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> As.user("viewer", Role.VIEWER, () -> service.get(id)).status() != ActionStatus.RUNNING);
        assertThat(As.user("viewer", Role.VIEWER, () -> service.get(id)).status()).isEqualTo(expected);
    }
}
