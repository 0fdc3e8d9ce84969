package org.remediation.console.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.Fault;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.remediation.TestClock;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An action whose operation outlived it keeps its resource locked; only a commander sees "Release
 * lock…", and releasing asks for the reason that goes into the trail.
 */
@SandboxTestSettings
class ReleaseLockViewTest extends KaribuTest {

    private static final ResourceRef HC = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");

    @Autowired
    RemediationService service;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    TestClock clock;
    @Autowired
    org.remediation.console.incident.IncidentService incidents;
    @Autowired
    org.remediation.console.incident.RunbookService runbooks;

    @Test
    void aCommanderReleasesAKeptLockWithAReasonAndAnOperatorSeesNoSuchButton() {
        org.remediation.console.remediation.ActionTestSupport.ensureP3Incident(incidents, runbooks);
        As.user("admin", Role.ADMIN, () -> sandbox.setFault(HC.toString(), Fault.HANG));
        ActionRecord kept = As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.HEALTH_CHECK,
                HC, Map.of("checkIntervalSec", "45"), "view test").forIncident(
                org.remediation.console.remediation.ActionTestSupport.P3_INCIDENT)));
        As.user("operator", Role.OPERATOR, () -> service.execute(kept.id()));
        As.user("admin", Role.ADMIN, () -> sandbox.clearFault(HC.toString()));
        clock.advance(Duration.ofMinutes(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> As.user("viewer", Role.VIEWER, () -> service.get(kept.id()))
                .status() == ActionStatus.FAILED);

        login("operator", Role.OPERATOR);
        UI.getCurrent().navigate("actions/" + kept.id());
        assertThat(_find(Button.class, s -> s.withId("release-lock"))).isEmpty();

        login("commander", Role.COMMANDER);
        UI.getCurrent().navigate("actions/" + kept.id());
        _click(_get(Button.class, s -> s.withId("release-lock")));
        _setValue(_get(TextArea.class, s -> s.withId("reason-text")), "no operation on the check in the Cloud Console");
        _click(_get(Button.class, s -> s.withId("reason-confirm")));
        assertThat(As.user("viewer", Role.VIEWER, () -> service.holdsLock(kept.id()))).isFalse();
        assertThat(_find(Button.class, s -> s.withId("release-lock"))).as("gone once released").isEmpty();
        assertThat(As.user("viewer", Role.VIEWER, () -> service.trail(kept.id()))).anySatisfy(step ->
                assertThat(step.message()).contains("released by commander"));
    }
}
