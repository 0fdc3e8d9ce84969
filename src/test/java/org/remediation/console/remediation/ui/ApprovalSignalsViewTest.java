package org.remediation.console.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, item 8: the approver was not told a request waits, the requester not told it was
 * approved ("ready"), an operator's own request was silently missing from Approvals.
 */
@SandboxTestSettings
class ApprovalSignalsViewTest extends KaribuTest {

    private static final ResourceRef DB = ResourceRef.parse("SQL_INSTANCE/us-central1/netra-staging-db");

    @Autowired RemediationService service;
    @Autowired SandboxAdminService sandbox;

    @BeforeEach
    void outageState() {
        As.user("admin", Role.ADMIN, () -> {
            sandbox.faults().forEach(f -> sandbox.clearFault(f.target()));
            sandbox.resetTopology();
        });
        As.user("cleaner", Role.COMMANDER, () -> service.inbox().forEach(a -> service.reject(a.id(), "test reset")));
    }

    @Test
    void theApproverSeesACountAndANoticeTheMomentARequestWaitsAndTheRequesterSeesItApproved() {
        login("approver", Role.COMMANDER);
        navigate("actions/inbox");
        Span count = approvalsCount();
        assertThat(count.isVisible()).as("nothing waits").isFalse();
        @SuppressWarnings("unchecked")
        Grid<ActionRecord> inbox = _get(Grid.class, s -> s.withId("approval-inbox"));
        assertThat(inbox.getEmptyStateText()).startsWith("Nothing waits for your approval");

        ActionRecord a = As.user("asker", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.SQL_TIER, DB,
                Map.of(Attributes.TIER, "db-custom-4-15360"), "more memory")));
        MockVaadin.clientRoundtrip(false);
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo("1");
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(n.getElement().getProperty("text", ""))
                .contains("#" + a.id()).contains("asker").contains("waits for your approval"));
        assertThat(GridKt._findAll(inbox)).extracting(ActionRecord::id).contains(a.id());

        login("asker", Role.OPERATOR);
        navigate("actions/inbox");
        @SuppressWarnings("unchecked")
        Grid<ActionRecord> mine = _get(Grid.class, s -> s.withId("my-requests-awaiting"));
        assertThat(GridKt._findAll(mine)).as("their own request is listed, not silently missing")
                .extracting(ActionRecord::id).containsExactly(a.id());
        NotificationsKt.clearNotifications();
        As.user("approver", Role.COMMANDER, () -> service.approve(a.id()));
        MockVaadin.clientRoundtrip(false);
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(n.getElement().getProperty("text", ""))
                .contains("#" + a.id()).contains("approved by approver"));
        navigate("actions/" + a.id());
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(org.remediation.console.base.ui.StatusBadge.class)
                .getFirst().getText()).as("the status beside the title: not 'ready'").isEqualTo("approved");
    }

    /** The badge beside "Approvals", visible or not (hidden while nothing waits). */
    private static Span approvalsCount() {
        return descendants(com.vaadin.flow.component.UI.getCurrent()).filter(c -> c.getId().orElse("").equals("approvals-count"))
                .map(Span.class::cast).findFirst().orElseThrow();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren().flatMap(ApprovalSignalsViewTest::descendants));
    }
}
