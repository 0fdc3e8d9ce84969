package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    @Test
    void aSecondPersonIsNeededForP0RestartsDowntimeAndIrreversibleChangesOnly() {
        assertThat(ApprovalPolicy.decide(link(null), List.of()).required()).isFalse();
        assertThat(ApprovalPolicy.decide(link("P1"), List.of(SideEffect.NEW_REVISION)).required()).isFalse();
        assertThat(ApprovalPolicy.decide(link("P0"), List.of()).reasons()).containsExactly("INC-1 is P0");
        assertThat(ApprovalPolicy.decide(link(null), List.of(SideEffect.RESTART)).required()).isTrue();
        assertThat(ApprovalPolicy.decide(link(null), List.of(SideEffect.SHORT_DOWNTIME)).required()).isTrue();
        assertThat(ApprovalPolicy.decide(link("P2"), List.of(SideEffect.IRREVERSIBLE_IN_PLACE)).reasons())
                .containsExactly("irreversible in place");
    }

    static IncidentSeverities.Link link(String severity) {
        return new IncidentSeverities.Link("INC-1", severity, "INC-1 is " + severity);
    }
}
