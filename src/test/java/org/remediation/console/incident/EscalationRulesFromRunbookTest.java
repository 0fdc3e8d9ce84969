package org.remediation.console.incident;

import org.springframework.security.test.context.support.WithMockUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.criteria.EscalationRuleView;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Escalation rules written in the runbook become live rules when the incident opens, and export back. */
@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class EscalationRulesFromRunbookTest {

    @Autowired RunbookService runbooks;
    @Autowired EscalationService escalations;

    @Test
    void theTemplatesRulesAreLiveOnTheDemoIncidentAndExportBack() {
        List<String> rules = escalations.rules("INC-1278", "vpc-connector").stream().map(EscalationRuleView::text).toList();
        assertThat(rules).contains("criterion vpc-capacity-improved still not met 2h after phase start",
                "phase overran its window");
        String exported = As.user("commander", Role.COMMANDER, () -> runbooks.export("INC-1278"));
        assertThat(exported).contains("escalationRules:").contains("criterion vpc-capacity-improved still not met 2h");
    }

    @Test
    void aRuleAboutAnUnmeasuredOrUnknownCriterionIsRejectedWithItsPathAndLine() {
        String yaml = """
                title: Drill
                severity: P2
                phases:
                  - key: one
                    title: One
                    priority: P1
                    owner: Infrastructure
                    window: {start: 0h, end: 1h}
                    escalationRules:
                      - "criterion fast still not met 30m after phase start"
                      - "criterion nobody regressed after being met"
                      - "when it feels wrong"
                    criteria:
                      - key: fast
                        text: Manual check
                """;
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> runbooks.parse(yaml)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).contains("phases[0].escalationRules[0]").contains("not a measured criterion");
                    assertThat(e.getMessage()).contains("phases[0].escalationRules[1]");
                    assertThat(e.getMessage()).contains("phases[0].escalationRules[2]").contains("not an escalation rule");
                    assertThat(e.getMessage()).contains("line");
                });
    }
}
