package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Criteria over a metric probe's values (issue 18): the grammar of the seeds' thresholds, units
 * carried from the metric, {@code min} and a bare {@code count} (the window's sum), and failed reads
 * on the failing side of every comparator.
 */
class MetricCriteriaTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    final InMemoryProbeMeasurements probes = new InMemoryProbeMeasurements()
            .metric("connector-cpu", "%").metric("lb-5xx", "").metric("sql-backends", "")
            .metric("connector-instances", "").metric("throughput", "By");

    Evaluation eval(String text) {
        return CriterionEvaluator.evaluate(CriterionText.parse(text), probes, NOW, PhaseStart.none("none"));
    }

    /** One read a minute for the last {@code n} minutes, each with {@code value}. */
    void reads(String target, int n, double value) {
        probes.results(target, NOW.minus(MINUTE.multipliedBy(n)), MINUTE, n, true, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connector-cpu max < 70 % over 15m", "lb-5xx count < 1 per 1h",
            "sql-backends p95 < 80 over 15m", "connector-instances min >= 3 over 15m min 5",
            "throughput count > 1000000 By per 5m", "connector-cpu max < 70 % over 15m and lb-5xx count < 1 per 1h",
            "backend-health min < 100 ms over 5m"})
    void theSeedsThresholdsParseAndFormatBackToThemselves(String text) {
        CriterionSpec spec = CriterionText.parse(text);
        assertThat(spec.text()).isEqualTo(text);
        assertThat(CriterionText.parse(spec.text())).isEqualTo(spec);
    }

    @Test
    void utilisationAboveTheThresholdIsNotMetAndBelowIsMetInTheMetricsUnit() {
        reads("connector-cpu", 15, 92.5);
        Evaluation high = eval("connector-cpu max < 70 % over 15m");
        assertThat(high.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(high.valueText()).isEqualTo("92.5 %");
        probes.clear();
        reads("connector-cpu", 15, 41);
        Evaluation low = eval("connector-cpu max < 70 % over 15m");
        assertThat(low.state()).isEqualTo(CriterionState.MET);
        assertThat(low.valueText()).isEqualTo("41 %");
    }

    @Test
    void aThresholdInAnotherUnitIsNoDataWithTheReasonNeverCompared() {
        reads("connector-cpu", 15, 10);
        Evaluation e = eval("connector-cpu max < 70 ms over 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).contains("connector-cpu measures %, but the threshold is written in ms");
        // a latency target with a metric's unit is just as wrong
        probes.results("backend", NOW.minus(Duration.ofMinutes(5)), MINUTE, 5, true, 10);
        assertThat(eval("backend p95 < 70 % over 15m").detail()).contains("'%' is not a time unit");
    }

    @Test
    void aSecondsThresholdOnAMetricIsNotConvertedToMilliseconds() {
        probes.metric("queue-age", "s");
        reads("queue-age", 5, 30);
        assertThat(eval("queue-age max < 60 s over 15m").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("queue-age max < 20 s over 15m").state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void countIsTheSumOfTheWindowsValues() {
        reads("lb-5xx", 60, 0);
        assertThat(eval("lb-5xx count < 1 per 1h").state()).isEqualTo(CriterionState.MET);
        probes.result("lb-5xx", NOW.minusSeconds(30), true, 14); // 14 × 503 in one minute, as in #1278
        Evaluation e = eval("lb-5xx count < 1 per 1h");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.value()).isEqualTo(14.0);
        assertThat(e.detail()).contains("the sum of 61 reads in the last 1h");
        assertThat(eval("lb-5xx count < 15 per 1h").state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void minHoldsOnlyWhenEveryReadReachesIt() {
        reads("connector-instances", 14, 3);
        probes.result("connector-instances", NOW.minusSeconds(10), true, 2);
        assertThat(eval("connector-instances min >= 3 over 15m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("connector-instances min >= 2 over 15m").state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void onlyFailedReadsAreNeverMetWhateverTheComparator() {
        probes.results("connector-cpu", NOW.minus(Duration.ofMinutes(15)), MINUTE, 15, false, 0);
        probes.results("lb-5xx", NOW.minus(Duration.ofMinutes(60)), MINUTE, 60, false, 0);
        probes.results("connector-instances", NOW.minus(Duration.ofMinutes(15)), MINUTE, 15, false, 0);
        probes.results("sql-backends", NOW.minus(Duration.ofMinutes(15)), MINUTE, 15, false, 0);
        for (String text : new String[] {"connector-cpu max < 70 % over 15m", "connector-cpu p95 < 70 % over 15m",
                "connector-cpu avg < 70 % over 15m", "connector-cpu min < 70 % over 15m",
                "connector-instances min >= 3 over 15m", "connector-instances max > 0 over 15m",
                "lb-5xx count < 1 per 1h", "lb-5xx count > 0 per 1h", "sql-backends p95 < 80 over 15m",
                "sql-backends p50 >= 0 over 15m"}) {
            assertThat(eval(text).state()).as(text).isEqualTo(CriterionState.NOT_MET);
        }
    }

    @Test
    void oneFailedReadDecidesACountBecauseWhatItWouldHaveAddedIsUnknown() {
        reads("lb-5xx", 59, 0);
        probes.result("lb-5xx", NOW.minusSeconds(5), false, 0);
        Evaluation e = eval("lb-5xx count < 1 per 1h");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("1 of 60 reads failed");
    }

    @Test
    void aFailedReadIsOnTheFailingSideOfAPercentile() {
        reads("connector-cpu", 19, 40);
        probes.result("connector-cpu", NOW.minusSeconds(5), false, 0);
        // 1 of 20 failed: p95 is the 19th of 20 ranks, still a success; max counts the failure
        assertThat(eval("connector-cpu p95 < 70 % over 30m").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("connector-cpu max < 70 % over 30m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("connector-cpu max < 70 % over 30m").detail()).contains("counts failed reads as missing the threshold");
    }

    @Test
    void countAloneOnANonMetricTargetSaysWhatToWriteInstead() {
        probes.results("backend", NOW.minus(Duration.ofMinutes(5)), MINUTE, 5, true, 10);
        Evaluation e = eval("backend count < 1 per 1h");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).contains("write 'failures count'");
    }

    @Test
    void aFloorOrCeilingOnTheHighestOrLowestReadIsNotMetOnOneGoodReadAmongFailures() {
        probes.results("throughput", NOW.minus(Duration.ofMinutes(15)), MINUTE, 14, false, 0);
        probes.result("throughput", NOW.minusSeconds(10), true, 250);
        assertThat(eval("throughput max >= 200 By over 15m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("throughput min < 300 By over 15m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("throughput max >= 200 By over 15m").valueText()).isEqualTo("14 of 15 runs failed");
    }

    @Test
    void aCountOverPeriodsThatWereNeverReadIsNoDataNotAQuietHour() {
        probes.results("lb-5xx", NOW.minus(Duration.ofMinutes(10)), MINUTE, 10, true, 0);
        Evaluation e = eval("lb-5xx count < 1 per 1h");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).contains("only 10 of the 60 periods of the last 1h were read");
        // a gap in the middle: a restart, a disabled target
        probes.results("lb-5xx", NOW.minus(Duration.ofMinutes(60)), MINUTE, 40, true, 0);
        assertThat(eval("lb-5xx count < 1 per 1h").state()).isEqualTo(CriterionState.NO_DATA);
        probes.results("lb-5xx", NOW.minus(Duration.ofMinutes(20)), MINUTE, 10, true, 0);
        assertThat(eval("lb-5xx count < 1 per 1h").state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void aGroupMixingMetricReadsAndCallsIsNoDataForEveryStatistic() {
        probes.group("database", "database", "sql-backends");
        probes.results("database", NOW.minus(Duration.ofMinutes(15)), MINUTE, 15, false, 0);
        reads("sql-backends", 15, 40);
        for (String text : new String[] {"group database any p95 < 500 over 15m",
                "group database any success-rate >= 99 % over 15m", "group database any up"}) {
            Evaluation e = eval(text);
            assertThat(e.state()).as(text).isEqualTo(CriterionState.NO_DATA);
            assertThat(e.detail()).as(text).contains("compares unlike figures");
        }
        probes.group("cpus", "connector-cpu", "sql-backends"); // two metrics, % and plain numbers
        reads("connector-cpu", 15, 40);
        assertThat(eval("group cpus all max < 70 over 15m").state()).isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void unitsAreCaseSensitive() {
        reads("throughput", 15, 250);
        Evaluation e = eval("throughput min >= 200 BY over 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).contains("measures By, but the threshold is written in BY");
    }

    @Test
    void anImprovementOverAMetricIsNotJudgedBecauseItsDirectionIsTheMetrics() {
        reads("throughput", 15, 20);
        Evaluation e = CriterionEvaluator.evaluate(CriterionText.parse(
                "throughput p50 improved by 50 % since phase start over 15m"), probes, NOW, PhaseStart.at(NOW.minus(Duration.ofHours(1))));
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).contains("improves by rising or falling depends on the metric");
    }

    @Test
    void theEnginesPerRoundCacheKnowsMetricTargetsToo() {
        // the engine evaluates through RoundCache: a wrapper that lost the unit judged every metric as a latency
        reads("connector-throughput", 15, 1050);
        probes.metric("connector-throughput", "Mbps");
        Evaluation e = CriterionEvaluator.evaluate(CriterionText.parse("connector-throughput min >= 200 Mbps over 15m"),
                new RoundCache(probes), NOW, PhaseStart.none("none"));
        assertThat(e.state()).as(e.detail()).isEqualTo(CriterionState.MET);
        reads("lb-5xx", 60, 0);
        assertThat(CriterionEvaluator.evaluate(CriterionText.parse("lb-5xx count < 1 per 1h"), new RoundCache(probes), NOW,
                PhaseStart.none("none")).state()).isEqualTo(CriterionState.MET);
    }
}
