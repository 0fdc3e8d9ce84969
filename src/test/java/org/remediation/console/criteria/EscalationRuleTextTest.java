package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EscalationRuleTextTest {

    @Test
    void theThreeRuleKinds() {
        assertThat(EscalationRuleText.parse("criterion backend-p95 still not met 120m after phase start"))
                .isEqualTo(new EscalationRule.StillNotMet("backend-p95", Duration.ofMinutes(120)));
        assertThat(EscalationRuleText.parse("phase overran its window")).isEqualTo(new EscalationRule.PhaseOverran());
        assertThat(EscalationRuleText.parse("criterion redis-ok regressed after being met"))
                .isEqualTo(new EscalationRule.Regressed("redis-ok"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"criterion backend-p95 still not met 2h after phase start", "phase overran its window",
            "criterion redis-ok regressed after being met"})
    void canonicalTextRoundTrips(String text) {
        assertThat(EscalationRuleText.parse(text).text()).isEqualTo(text);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                                                    | 1  | 'criterion <key> …'",
            "escalate when bad                                       | 1  | 'criterion <key> …'",
            "phase overran                                           | 14 | 'its'",
            "phase overran its budget                                | 19 | 'window'",
            "criterion                                               | 10 | a criterion key",
            "criterion x still met 5m after phase start              | 19 | 'not'",
            "criterion x still not met after phase start             | 27 | a delay such as 15m",
            "criterion x still not met 5 after phase start           | 29 | a duration unit",
            "criterion x still not met 5m before phase start         | 30 | 'after'",
            "criterion x still not met 5m after phase end            | 42 | 'start'",
            "criterion x regressed                                   | 22 | 'after'",
            "criterion x got worse                                   | 13 | 'still not met …' or 'regressed",
            "criterion x regressed after being met again             | 39 | the end of the text",
    })
    void malformedRulesSayWhereAndWhatWasExpected(String text, int column, String expected) {
        assertThatThrownBy(() -> EscalationRuleText.parse(text))
                .isInstanceOfSatisfying(TextSyntaxException.class, e -> {
                    assertThat(e.expected()).contains(expected);
                    assertThat(e.column()).isEqualTo(column);
                });
    }
}
