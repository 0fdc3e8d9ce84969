package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CriterionTextTest {

    @Test
    void aLatencyCriterionWithEveryPart() {
        MeasuredCriterion c = (MeasuredCriterion) CriterionText.parse("backend-health p95 < 1000 ms over 15m min 10");
        assertThat(c.subject()).isEqualTo(Subject.target("backend-health"));
        assertThat(c.statistic()).isEqualTo(Statistic.P95);
        assertThat(c.comparison()).isEqualTo(Comparison.LT);
        assertThat(c.thresholdValue()).isEqualTo(1000.0);
        assertThat(c.window()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.minSamples()).isEqualTo(10);
        assertThat(c.measurement()).isNull();
    }

    @Test
    void secondsAreConvertedToMillisecondsAndDefaultsApply() {
        MeasuredCriterion c = (MeasuredCriterion) CriterionText.parse("agent-response p95<30s");
        assertThat(c.thresholdValue()).isEqualTo(30_000.0);
        assertThat(c.window()).isEqualTo(MeasuredCriterion.DEFAULT_WINDOW);
        assertThat(c.minSamples()).isEqualTo(1);
        assertThat(c.text()).isEqualTo("agent-response p95 < 30 s over 15m");
    }

    @Test
    void aNamedMeasurementOfATarget() {
        MeasuredCriterion c = (MeasuredCriterion) CriterionText.parse("database connect p95 < 500 ms over 15m");
        assertThat(c.subject().name()).isEqualTo("database");
        assertThat(c.measurement()).isEqualTo("connect");
        assertThat(c.statistic()).isEqualTo(Statistic.P95);
    }

    @Test
    void attributesCompareNumbersOrWords() {
        MeasuredCriterion tls = (MeasuredCriterion) CriterionText.parse("tls-cert daysToExpiry >= 14");
        assertThat(tls.statistic()).isEqualTo(Statistic.ATTRIBUTE);
        assertThat(tls.attribute()).isEqualTo("daysToExpiry");
        assertThat(tls.threshold().amount()).isEqualTo(14.0);
        MeasuredCriterion state = (MeasuredCriterion) CriterionText.parse("connector state = READY");
        assertThat(state.threshold().word()).isEqualTo("READY");
        assertThat(state.comparison()).isEqualTo(Comparison.EQ);
    }

    @Test
    void groupsGoldenPathUpAndUpFor() {
        MeasuredCriterion golden = (MeasuredCriterion) CriterionText.parse("golden-path all up");
        assertThat(golden.subject()).isEqualTo(Subject.goldenPath(Subject.Quantifier.ALL));
        assertThat(golden.statistic()).isEqualTo(Statistic.UP);
        MeasuredCriterion group = (MeasuredCriterion) CriterionText.parse("group backend any success-rate >= 99 %");
        assertThat(group.subject()).isEqualTo(Subject.group("backend", Subject.Quantifier.ANY));
        MeasuredCriterion upFor = (MeasuredCriterion) CriterionText.parse("backend-health up-for >= 30m");
        assertThat(upFor.statistic()).isEqualTo(Statistic.UP_FOR);
        assertThat(upFor.thresholdValue()).isEqualTo(1800.0);
    }

    @Test
    void manualCriteriaAreTheirOwnType() {
        assertThat(CriterionText.parse("manual: Stakeholders informed of the fix"))
                .isEqualTo(new ManualCriterion("Stakeholders informed of the fix"));
        assertThat(CriterionText.parse("Manual QA sign-off received")).isEqualTo(new ManualCriterion("QA sign-off received"));
    }

    @Test
    void countsReadAsWrittenWithOrWithoutSpacesAroundTheEqualsSign() {
        MeasuredCriterion c = (MeasuredCriterion) CriterionText.parse("agent-response status = 503 count < 1 per 1h");
        assertThat(c.statistic()).isEqualTo(Statistic.COUNT);
        assertThat(c.attribute()).isEqualTo("status");
        assertThat(c.matchValue()).isEqualTo("503");
        assertThat(c.window()).isEqualTo(Duration.ofHours(1));
        assertThat(c.text()).isEqualTo("agent-response status=503 count < 1 per 1h");
        MeasuredCriterion f = (MeasuredCriterion) CriterionText.parse("backend-health failures count <= 2 over 15m");
        assertThat(f.attribute()).isNull();
        assertThat(f.text()).isEqualTo("backend-health failures count <= 2 per 15m");
        assertThat(CriterionText.parse("backend-health concurrent-success >= 20").text())
                .isEqualTo("backend-health concurrent-success >= 20 over 15m");
    }

    @Test
    void anImprovementIsAPercentageSincePhaseStart() {
        MeasuredCriterion c = (MeasuredCriterion) CriterionText.parse(
                "backend-health status=503 count improved by 50 % since phase start per 1h");
        assertThat(c.improvement()).isTrue();
        assertThat(c.thresholdValue()).isEqualTo(50.0);
        assertThat(c.thresholdText()).isEqualTo("improved by 50 % since phase start");
    }

    @Test
    void compositesJoinMeasuredCriteriaAndParenthesesGroupTheOtherOperator() {
        CompositeCriterion c = (CompositeCriterion) CriterionText.parse("(a up or b up) and c up and (d up and e up)");
        assertThat(c.operator()).isEqualTo(CompositeCriterion.Operator.AND);
        assertThat(c.parts()).hasSize(4).as("same-operator parentheses flatten");
        assertThat(c.parts().getFirst()).isInstanceOf(CompositeCriterion.class);
        assertThat(c.text()).isEqualTo("(a up or b up) and c up and d up and e up");
        assertThat(c.measured()).extracting(m -> m.subject().name()).containsExactly("a", "b", "c", "d", "e");
        assertThat(CriterionText.parse("((a up))")).isEqualTo(CriterionText.parse("a up"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "backend-health p95 < 1000 ms over 15m min 10",
            "redis success-rate = 100 % over 30m",
            "database connect p95 < 500 ms over 15m",
            "golden-path all up",
            "golden-path any up",
            "group backend all p99 <= 2 s over 1h min 5",
            "tls-cert daysToExpiry >= 14",
            "tls-cert daysToExpiry > 7 d over 1d",
            "connector state = READY",
            "backend-health up-for >= 30m",
            "frontend availability >= 99.5 % over 2h",
            "auth max < 800 ms over 90s",
            "auth p50 > 0 ms over 5m",
            "frontend up",
            "manual: Stakeholders informed",
            "backend-health avg < 1000 ms over 15m",
            "group backend all avg < 2 s over 5m min 3",
            "agent-response status=503 count < 1 per 1h",
            "backend-health failures count <= 2 per 15m",
            "backend-health failures rate < 5 % per 1h min 10",
            "dns rcode=NXDOMAIN count = 0 per 15m",
            "backend-health concurrent-success >= 20 over 15m",
            "backend-health status=503 count improved by 50 % since phase start per 1h",
            "backend-health p95 improved by 50 % since phase start over 30m",
            "connector-capacity success-rate improved by 20 % since phase start over 1h",
            "backend-health p95 < 1 s over 15m and backend-health failures count <= 2 per 15m",
            "redis up or (redis-replica up and redis-replica success-rate >= 99 % over 15m)",
            "(a up or b up) and c up",
            "a up and b daysToExpiry >= 14 and c state = READY over 5m",
    })
    void canonicalTextRoundTrips(String text) {
        CriterionSpec spec = CriterionText.parse(text);
        assertThat(spec.text()).isEqualTo(text);
        assertThat(CriterionText.parse(spec.text())).isEqualTo(spec);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                                           | 1  | a probe target key",
            "\"   \"                                        | 4  | a probe target key",
            "backend-health                                 | 15 | a statistic",
            "backend-health p95                             | 19 | a comparator",
            "backend-health p95 ~ 1000                      | 20 | a comparator",
            "backend-health p95 <                           | 21 | a number for the threshold",
            "backend-health p95 < fast                      | 22 | a number for the threshold",
            "backend-health p95 < 1000 =                    | 27 | a unit (ms or s for a latency, the metric's unit",
            "backend-health p95 < 1000 ms over              | 34 | a window such as 15m",
            "backend-health p95 < 1000 ms over 15 minutes   | 38 | a duration unit",
            "backend-health p95 < 1000 ms over 0m           | 35 | a window such as 15m",
            "backend-health p95 < 1000 ms over 30d          | 35 | a window of at most 7d",
            "backend-health p95 < 1000 ms min 0             | 34 | a whole number of samples",
            "backend-health p95 < 1000 ms min 2.5           | 34 | a whole number of samples",
            "backend-health p95 < 1000 ms over 15m over 5m  | 39 | 'over <window>', 'min <samples>'",
            "backend-health p95 < 1000 ms please            | 30 | 'over <window>', 'min <samples>'",
            "redis success-rate = 101 %                     | 22 | a percentage between 0 and 100",
            "redis success-rate = 100 ms                    | 26 | '%'",
            "redis success-rate = -1 %                      | 22 | a percentage between 0 and 100",
            "connector state < READY                        | 19 | a number (words can only be compared with '=')",
            "connector state =                              | 18 | a number or a word",
            "connector state = READY now                    | 25 | 'over <max age>'",
            "connector state                                | 11 | a comparator",
            "frontend all up                                | 10 | ('all'/'any' apply only to a group or golden-path)",
            "group                                          | 6  | a group name",
            "group over p95 < 1                             | 7  | a group name",
            "golden-path all                                | 16 | a statistic",
            "backend-health up-for >= 30                    | 28 | a duration unit",
            "backend-health up-for 30m                      | 23 | a comparator",
            "backend-health up now                          | 19 | the end of the text",
            "backend-health p95 < 1.2.3 ms                  | 22 | a number for the threshold",
            "p95 < 1000 ms                                  | 5  | a statistic",
            "manual:                                        | 8  | a description",
            "> 5                                            | 1  | a probe target key",
            "backend-health count per 1h                    | 16 | 'failures' or '<measurement>=<value>' (e.g. status=503) before 'count'",
            "database connect count < 1                     | 18 | 'failures' or '<measurement>=<value>'",
            "backend-health failures total < 1              | 25 | 'count' or 'rate' after 'failures'",
            "backend-health failures count < 1.5 per 1h     | 33 | a whole number of runs (0 or more)",
            "backend-health failures count < 1 over 1h now  | 43 | 'per <window>', 'min <samples>', 'and', 'or' or the end of the text",
            "backend-health failures rate < 120 % per 1h    | 32 | a percentage between 0 and 100",
            "backend-health concurrent-success >= 20.5      | 38 | a whole number of requests",
            "backend-health p95 improved 50 %               | 29 | 'by'",
            "backend-health p95 improved by 50 since        | 35 | '%' after the improvement",
            "backend-health p95 improved by 50 % since start | 43 | 'since phase start'",
            "backend-health failures count improved by 150 % since phase start | 43 | at most 100 %",
            "a up and b up or c up                          | 15 | mixing 'and' and 'or' needs parentheses",
            "(a up and b up                                 | 15 | ')' to close the '(' at column 1",
            "a up) and b up                                 | 5  | this ')' closes no '('",
            "a up and                                       | 9  | a probe target key",
            "a up and manual: x                             | 10 | 'manual' stands alone",
            "(a up now) or b up                             | 7  | 'and', 'or' or ')'",
    })
    void malformedTextSaysWhereAndWhatWasExpected(String text, int column, String expected) {
        assertThatThrownBy(() -> CriterionText.parse(text))
                .isInstanceOfSatisfying(TextSyntaxException.class, e -> {
                    assertThat(e.expected()).contains(expected);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).startsWith("at column " + column + ": expected ");
                });
    }
}
