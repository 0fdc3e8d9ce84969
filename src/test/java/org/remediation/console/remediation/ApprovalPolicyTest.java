package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {

    @Test
    void aSecondPersonIsNeededForP0RestartsDowntimeAndIrreversibleChangesOnly() {
        assertThat(ApprovalPolicy.decide(null, List.of()).required()).isFalse();
        assertThat(ApprovalPolicy.decide("P1", List.of(SideEffect.NEW_REVISION)).required()).isFalse();
        assertThat(ApprovalPolicy.decide("P0", List.of()).reasons()).containsExactly("the incident is P0");
        assertThat(ApprovalPolicy.decide(null, List.of(SideEffect.RESTART)).required()).isTrue();
        assertThat(ApprovalPolicy.decide(null, List.of(SideEffect.SHORT_DOWNTIME)).required()).isTrue();
        assertThat(ApprovalPolicy.decide("P2", List.of(SideEffect.IRREVERSIBLE_IN_PLACE)).reasons())
                .containsExactly("irreversible in place");
    }
}
