package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.remediation.console.criteria.ProbeMeasurements.State;
import org.remediation.console.criteria.ProbeMeasurements.TargetStatus;

class CriterionEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Duration TEN_S = Duration.ofSeconds(10);

    final InMemoryProbeMeasurements probes = new InMemoryProbeMeasurements();

    Evaluation eval(String text) {
        return eval(text, NOW);
    }

    Evaluation eval(String text, Instant at) {
        return CriterionEvaluator.evaluate((MeasuredCriterion) CriterionText.parse(text), probes, at);
    }

    @Test
    void anEmptyWindowIsNoData() {
        Evaluation e = eval("backend-health p95 < 1000 ms over 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.samples()).isZero();
        assertThat(e.detail()).isEqualTo("no samples in the last 15m");
    }

    @Test
    void aTargetThatDoesNotExistSaysSoInsteadOfWaitingForData() {
        probes.missing("backend-helth");
        Evaluation e = eval("backend-helth p95 < 1000 ms over 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.valueText()).isEqualTo("no such probe target: backend-helth");
        assertThat(e.detail()).isEqualTo("no such probe target: backend-helth");
        assertThat(eval("backend-helth up").detail()).isEqualTo("no such probe target: backend-helth");
    }

    @Test
    void aTargetAddedWithinTheWindowIsJudgedOnceItHasItsMinimumAndSaysHowMuchItCovers() {
        probes.firstProbed("backend-health", NOW.minus(Duration.ofMinutes(10)));
        probes.results("backend-health", NOW.minus(Duration.ofMinutes(10)), TEN_S, 60, true, 100);
        Evaluation e = eval("backend-health p95 < 1000 ms over 1h min 10");
        assertThat(e.state()).isEqualTo(CriterionState.MET);
        assertThat(e.detail()).endsWith("; covers 10m of 1h");
        assertThat(PhaseEvidence.coverage(e.detail())).isEqualTo("10m of 1h");
        assertThat(eval("backend-health p95 < 1000 ms over 5m").detail()).doesNotContain("covers");
        assertThat(PhaseEvidence.coverage(eval("backend-health p95 < 1000 ms over 5m").detail())).isNull();
    }

    @Test
    void frozenEvidenceKeepsCoverageAndEvidenceFrozenBeforeItHadNoneStillReads() {
        PhaseEvidence evidence = new PhaseEvidence(null, null);
        EvidenceSnapshot now = new EvidenceSnapshot("p95", "Backend p95", "backend-health p95 < 1000 ms over 1h", false,
                "120 ms", 120.0, "<", "1000 ms", "1h", 61, CriterionState.MET, NOW, NOW, null, "10m of 1h");
        String frozen = "[" + new tools.jackson.databind.json.JsonMapper().writeValueAsString(now) + "]";
        assertThat(evidence.thaw(frozen)).containsExactly(now);
        String before = frozen.replace(",\"coverage\":\"10m of 1h\"", "");
        assertThat(before).doesNotContain("coverage");
        assertThat(evidence.thaw(before).getFirst().coverage()).isNull();
    }

    @Test
    void samplesOutsideTheWindowDoNotCount() {
        probes.results("backend-health", NOW.minus(Duration.ofMinutes(30)), TEN_S, 60, true, 100);
        assertThat(eval("backend-health p95 < 1000 ms over 15m").state()).isEqualTo(CriterionState.NO_DATA);
        probes.result("backend-health", NOW, true, 100);
        assertThat(eval("backend-health p95 < 1000 ms over 15m").state())
                .as("the window is half-open: a result at exactly 'now' is not in it").isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void belowTheMinimumSampleCountIsNoDataAndAtTheMinimumItIsJudged() {
        probes.results("backend-health", NOW.minus(Duration.ofMinutes(5)), TEN_S, 9, true, 100);
        Evaluation e = eval("backend-health p95 < 1000 ms over 15m min 10");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).isEqualTo("only 9 samples in the last 15m, needs 10");
        probes.result("backend-health", NOW.minusSeconds(1), true, 100);
        assertThat(eval("backend-health p95 < 1000 ms over 15m min 10").state()).isEqualTo(CriterionState.MET);
    }

    @ParameterizedTest(name = "p95 of exactly 1000 ms {0} 1000 ms is {1}")
    @CsvSource({"<, NOT_MET", "<=, MET", "=, MET", ">=, MET", ">, NOT_MET", "≤, MET", "≥, MET"})
    void exactlyAtTheThresholdForEachComparator(String comparator, CriterionState expected) {
        probes.results("backend-health", NOW.minus(Duration.ofMinutes(10)), TEN_S, 20, true, 1000);
        Evaluation e = eval("backend-health p95 " + comparator + " 1000 ms over 15m");
        assertThat(e.state()).isEqualTo(expected);
        assertThat(e.value()).isEqualTo(1000.0);
        assertThat(e.valueText()).isEqualTo("1000 ms");
    }

    @ParameterizedTest(name = "success rate of exactly 95 % {0} 95 % is {1}")
    @CsvSource({"<, NOT_MET", "<=, MET", "=, MET", ">=, MET", ">, NOT_MET"})
    void exactlyAtAPercentageThreshold(String comparator, CriterionState expected) {
        probes.results("auth", NOW.minus(Duration.ofMinutes(10)), TEN_S, 19, true, 50);
        probes.result("auth", NOW.minusSeconds(1), false, 50);
        assertThat(eval("auth success-rate " + comparator + " 95 % over 15m").state()).isEqualTo(expected);
    }

    @Test
    void allFailuresAreNotMetWithAZeroRate() {
        probes.results("redis", NOW.minus(Duration.ofMinutes(10)), TEN_S, 30, false, 2000);
        Evaluation rate = eval("redis success-rate = 100 % over 15m");
        assertThat(rate.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(rate.valueText()).isEqualTo("0 %");
        assertThat(rate.samples()).isEqualTo(30);
        assertThat(eval("redis availability >= 99 % over 15m").value()).isEqualTo(0.0);
        assertThat(eval("redis up").state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void recoveryTurnsACriterionMetOnceTheBadSamplesLeaveTheWindow() {
        Instant start = NOW.minus(Duration.ofMinutes(20));
        probes.results("backend-health", start, TEN_S, 60, false, 5000);
        probes.results("backend-health", start.plus(Duration.ofMinutes(10)), TEN_S, 120, true, 200);
        String text = "backend-health success-rate >= 99 % over 15m";
        assertThat(eval(text, NOW).state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval(text, start.plus(Duration.ofMinutes(25))).state()).isEqualTo(CriterionState.MET);
        assertThat(eval("backend-health p95 < 1000 ms over 15m", start.plus(Duration.ofMinutes(25))).valueText())
                .isEqualTo("200 ms");
    }

    @Test
    void aLongWindowAcrossTheRawRollupBoundaryCountsEverySample() {
        Instant start = NOW.minus(Duration.ofHours(2));
        for (int i = 0; i < 720; i++) {
            probes.result("database", start.plus(TEN_S.multipliedBy(i)), i % 10 != 0, 100 + (i % 50) * 10,
                    Map.of("connect", 40.0 + i % 7), false);
        }
        probes.rollUpBefore(NOW.minus(Duration.ofHours(1)));
        Evaluation rate = eval("database success-rate >= 90 % over 2h");
        assertThat(rate.samples()).isEqualTo(720);
        assertThat(rate.value()).isEqualTo(90.0);
        assertThat(rate.state()).isEqualTo(CriterionState.MET);
        Evaluation p95 = eval("database p95 < 600 ms over 2h");
        assertThat(p95.state()).as("10 % failed: fewer than 95 % succeeded").isEqualTo(CriterionState.NOT_MET);
        assertThat(p95.valueText()).isEqualTo("72 of 720 runs failed");
        Evaluation p50 = eval("database p50 < 600 ms over 2h");
        assertThat(p50.value()).isCloseTo(370.0, within(InMemoryProbeMeasurements.BUCKET_MS));
        Evaluation connect = eval("database connect p50 < 50 ms over 2h");
        assertThat(connect.samples()).isEqualTo(720);
        assertThat(connect.value()).isCloseTo(43.0, within(InMemoryProbeMeasurements.BUCKET_MS));
        assertThat(eval("database p95 < 600 ms over 30m").samples()).isEqualTo(180);
    }

    @Test
    void aNamedMeasurementReadsOnlyThatTiming() {
        for (int i = 0; i < 10; i++) {
            probes.result("database", NOW.minusSeconds(10L * (i + 1)), true, 900, Map.of("connect", 120.0), false);
        }
        assertThat(eval("database connect p95 < 500 ms over 15m").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("database p95 < 500 ms over 15m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("database query p95 < 500 ms over 15m").state()).isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void attributesCompareTheLatestValue() {
        probes.attribute("tls-cert", "daysToExpiry", "21", NOW.minusSeconds(30));
        probes.attribute("connector", "state", "UPDATING", NOW.minusSeconds(30));
        probes.attribute("weird", "daysToExpiry", "soon", NOW.minusSeconds(30));
        assertThat(eval("tls-cert daysToExpiry >= 14").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("tls-cert daysToExpiry >= 21").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("tls-cert daysToExpiry > 21").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("connector state = READY").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("connector state = READY").valueText()).isEqualTo("UPDATING");
        probes.attribute("connector", "state", "READY", NOW.minusSeconds(5));
        assertThat(eval("connector state = READY").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("connector state = READY over 1s").state()).as("stale value").isEqualTo(CriterionState.NO_DATA);
        assertThat(eval("weird daysToExpiry >= 14").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("tls-cert status = 200").state()).isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void upForMeasuresContinuousOperationWithoutDegradation() {
        probes.status("backend-health", new TargetStatus(State.UP, NOW.minus(Duration.ofMinutes(40)),
                NOW.minus(Duration.ofMinutes(40))));
        Evaluation e = eval("backend-health up-for >= 30m");
        assertThat(e.state()).isEqualTo(CriterionState.MET);
        assertThat(e.valueText()).isEqualTo("40m");
        probes.status("backend-health", new TargetStatus(State.UP, NOW.minus(Duration.ofMinutes(30)),
                NOW.minus(Duration.ofMinutes(30))));
        assertThat(eval("backend-health up-for >= 30m").state()).as("exactly at threshold").isEqualTo(CriterionState.MET);
        assertThat(eval("backend-health up-for > 30m").state()).isEqualTo(CriterionState.NOT_MET);
        probes.status("backend-health", new TargetStatus(State.DEGRADED, NOW.minusSeconds(60), null));
        assertThat(eval("backend-health up-for >= 30m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("never-probed up-for >= 30m").state()).isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void degradationResetsTheUpForClockInAResultStream() {
        Instant start = NOW.minus(Duration.ofMinutes(45));
        probes.results("auth", start, TEN_S, 90, true, 50);
        probes.result("auth", start.plus(Duration.ofMinutes(15)), true, 1500, Map.of(), true);
        probes.results("auth", start.plus(Duration.ofMinutes(15)).plusSeconds(10), TEN_S, 180, true, 50);
        Evaluation e = eval("auth up-for >= 30m");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.value()).isEqualTo(1790.0);
        assertThat(eval("auth up-for >= 30m", NOW.plusSeconds(10)).state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void allGoldenPathTargetsUp() {
        probes.goldenPath("frontend", "auth", "backend-health");
        probes.result("frontend", NOW.minusSeconds(5), true, 10);
        probes.result("auth", NOW.minusSeconds(5), true, 10);
        probes.result("backend-health", NOW.minusSeconds(5), false, 10);
        Evaluation e = eval("golden-path all up");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("2/3 up");
        assertThat(e.detail()).contains("backend-health").contains("DOWN");
        assertThat(eval("golden-path any up").state()).isEqualTo(CriterionState.MET);
        probes.result("backend-health", NOW.minusSeconds(1), true, 10);
        assertThat(eval("golden-path all up").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("golden-path all up").valueText()).isEqualTo("3/3 up");
    }

    @Test
    void groupsWithoutTargetsOrWithUnprobedTargetsAreNoData() {
        assertThat(eval("golden-path all up").state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(eval("group nothing all p95 < 10 ms").detail()).isEqualTo("group 'nothing' has no probe targets");
        probes.group("backend", "backend-health", "agent-response");
        probes.results("backend-health", NOW.minus(Duration.ofMinutes(5)), TEN_S, 10, true, 100);
        assertThat(eval("group backend all p95 < 1000 ms").state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(eval("group backend any p95 < 1000 ms").state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void aGroupShowsTheTargetThatDecided() {
        probes.group("backend", "backend-health", "agent-response");
        probes.results("backend-health", NOW.minus(Duration.ofMinutes(5)), TEN_S, 10, true, 100);
        probes.results("agent-response", NOW.minus(Duration.ofMinutes(5)), TEN_S, 10, true, 4000);
        Evaluation all = eval("group backend all p95 < 1000 ms");
        assertThat(all.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(all.valueText()).isEqualTo("agent-response 4000 ms");
        assertThat(all.samples()).isEqualTo(20);
        probes.results("agent-response", NOW.minus(Duration.ofMinutes(20)), TEN_S, 1, true, 1);
        Evaluation met = eval("group backend all p95 < 5000 ms");
        assertThat(met.state()).isEqualTo(CriterionState.MET);
        assertThat(met.valueText()).as("the worst value is shown").isEqualTo("agent-response 4000 ms");
    }
}
