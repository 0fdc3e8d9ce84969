package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.TaskState;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The approval policy takes the severity from the incident, not from what the requester typed. */
@SpringBootTest
class IncidentSeverityPolicyTest {

    static final ResourceRef HEALTH_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");

    @Autowired RemediationService remediation;
    @Autowired IncidentService incidents;

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
    void anUnknownTaskIsRefusedByName() {
        ActionDraft draft = ActionDraft.of(ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("healthyThreshold", "3"),
                "faster recovery").withIncident("987654321", null);
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> remediation.request(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("taskId")).isTrue());
    }
}
