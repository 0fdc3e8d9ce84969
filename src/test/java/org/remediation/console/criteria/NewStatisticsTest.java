package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** avg, counts and rates, concurrent-success, improvements since phase start and composites, over synthetic streams. */
class NewStatisticsTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant PHASE = NOW.minus(Duration.ofHours(2));
    static final Duration TEN_S = Duration.ofSeconds(10);

    final InMemoryProbeMeasurements probes = new InMemoryProbeMeasurements();

    Evaluation eval(String text) {
        return CriterionEvaluator.evaluate(CriterionText.parse(text), probes, NOW, PhaseStart.at(PHASE));
    }

    @Test
    void avgIsTheMeanOfSuccessesAndOneFailureDecidesIt() {
        probes.results("b", NOW.minus(Duration.ofMinutes(10)), TEN_S, 10, true, 100);
        assertThat(eval("b avg < 200 ms over 15m").state()).isEqualTo(CriterionState.MET);
        probes.result("b", NOW.minus(Duration.ofMinutes(1)), false, 5);
        Evaluation e = eval("b avg < 200 ms over 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("1 of 11 runs failed");
    }

    @Test
    void pureFailureIsNeverMetForAnyNewStatistic() {
        probes.results("b", NOW.minus(Duration.ofMinutes(10)), TEN_S, 30, false, 3);
        assertThat(eval("b avg < 200 ms over 15m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("b failures count <= 2 per 15m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("b failures rate < 5 % per 15m").state()).isEqualTo(CriterionState.NOT_MET);
        Evaluation status = eval("b status=503 count < 1 per 15m");
        assertThat(status.state()).as("refused runs record no status, yet are no quiet hour").isEqualTo(CriterionState.NOT_MET);
        assertThat(status.detail()).contains("30 failed runs recorded no status and count as status=503");
        assertThat(eval("b concurrent-success >= 20").state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void a503CountPerHourAndItsRate() {
        probes.recording("a", NOW.minus(Duration.ofMinutes(50)), Duration.ofMinutes(1), 46, true, "status", "200");
        probes.recording("a", NOW.minus(Duration.ofMinutes(4)), Duration.ofMinutes(1), 4, false, "status", "503");
        Evaluation e = eval("a status=503 count < 1 per 1h");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("4 × status=503");
        assertThat(eval("a status=503 rate <= 10 % per 1h").valueText()).isEqualTo("8 % status=503 (4 of 50)");
        assertThat(eval("a status=503 count < 1 per 3m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("a status=503 count < 1 per 1m").state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("a status=200 count >= 40 per 1h").state()).isEqualTo(CriterionState.MET);
        assertThat(eval("z status=503 count < 1 per 1h").state()).as("no runs is no data, not zero").isEqualTo(CriterionState.NO_DATA);
    }

    @Test
    void aCountOverADayIsNotJudgedOnTheHourHeldInMemory() {
        probes.recording("a", NOW.minus(Duration.ofMinutes(50)), Duration.ofMinutes(1), 50, true, "status", "200");
        probes.recordedFrom("a", NOW.minus(Duration.ofMinutes(60)));
        Evaluation e = eval("a status=503 count < 1 per 1d");
        assertThat(e.state()).as("a 503 earlier today is not forgotten").isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).contains("kept in memory for the last 1h only").contains("use a window of at most 1h");
        probes.recordedFrom("a", NOW.minus(Duration.ofDays(2)));
        assertThat(eval("a status=503 count < 1 per 1d").state()).isEqualTo(CriterionState.MET);
    }

    @Test
    void failuresCount() {
        probes.results("b", NOW.minus(Duration.ofMinutes(10)), TEN_S, 20, true, 100);
        probes.results("b", NOW.minus(Duration.ofMinutes(5)), TEN_S, 2, false, 100);
        assertThat(eval("b failures count <= 2 per 15m").state()).isEqualTo(CriterionState.MET);
        probes.result("b", NOW.minus(Duration.ofMinutes(1)), false, 100);
        Evaluation e = eval("b failures count <= 2 per 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("3 failures");
    }

    @Test
    void concurrentSuccessIsTheWorstRun() {
        probes.recording("b", NOW.minus(Duration.ofMinutes(10)), TEN_S, 5, true, "concurrentSuccess", "20");
        assertThat(eval("b concurrent-success >= 20").state()).isEqualTo(CriterionState.MET);
        probes.recording("b", NOW.minus(Duration.ofMinutes(2)), TEN_S, 1, false, "concurrentSuccess", "12");
        Evaluation e = eval("b concurrent-success >= 20");
        assertThat(e.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(e.valueText()).isEqualTo("12 concurrent successes (worst run)");
        assertThat(eval("b concurrent-success = 20").state()).as("one run of 12 is not 20, whatever the comparator")
                .isEqualTo(CriterionState.NOT_MET);
        probes.results("c", NOW.minus(Duration.ofMinutes(10)), TEN_S, 5, true, 100);
        assertThat(eval("c concurrent-success >= 20").detail()).contains("set the HTTP setting 'concurrency'");
    }

    @Test
    void improvementAgainstTheWindowBeforeThePhaseStarted() {
        probes.recording("a", PHASE.minus(Duration.ofMinutes(59)), Duration.ofMinutes(1), 46, true, "status", "200");
        probes.recording("a", PHASE.minus(Duration.ofMinutes(14)), Duration.ofMinutes(1), 14, false, "status", "503");
        probes.recording("a", NOW.minus(Duration.ofMinutes(59)), Duration.ofMinutes(1), 55, true, "status", "200");
        probes.recording("a", NOW.minus(Duration.ofMinutes(4)), Duration.ofMinutes(1), 4, false, "status", "503");
        Evaluation e = eval("a status=503 count improved by 50 % since phase start per 1h");
        assertThat(e.state()).isEqualTo(CriterionState.MET);
        assertThat(e.valueText()).isEqualTo("improved 71.43 % (14 × status=503 → 4 × status=503)");
        assertThat(eval("a status=503 count improved by 80 % since phase start per 1h").state())
                .isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void anImprovementWithoutBaselineIsNoDataSaidPlainly() {
        probes.results("b", NOW.minus(Duration.ofMinutes(10)), TEN_S, 10, true, 100);
        Evaluation e = eval("b p95 improved by 50 % since phase start over 15m");
        assertThat(e.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(e.detail()).startsWith("no data for the baseline: no samples in the 15m before the phase started");
        Evaluation kpi = CriterionEvaluator.evaluate(CriterionText.parse("b p95 improved by 50 % since phase start"),
                probes, NOW, PhaseStart.none("a KPI belongs to no phase, so there is no phase start"));
        assertThat(kpi.state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(kpi.detail()).startsWith("no data: a KPI belongs to no phase");
    }

    @Test
    void aLatencyDecidedByFailuresNowIsNoImprovement() {
        probes.results("b", PHASE.minus(Duration.ofMinutes(10)), TEN_S, 10, true, 1000);
        probes.results("b", NOW.minus(Duration.ofMinutes(10)), TEN_S, 10, false, 5);
        assertThat(eval("b p95 improved by 50 % since phase start over 15m").state()).isEqualTo(CriterionState.NOT_MET);
    }

    @Test
    void compositesFollowThreeValuedLogicAndNameTheDecidingPart() {
        probes.results("ok", NOW.minus(Duration.ofMinutes(10)), TEN_S, 10, true, 100);
        probes.results("bad", NOW.minus(Duration.ofMinutes(10)), TEN_S, 10, false, 100);
        String met = "ok success-rate >= 99 % over 15m";
        String notMet = "bad success-rate >= 99 % over 15m";
        String noData = "silent success-rate >= 99 % over 15m";
        assertThat(eval(met + " and " + noData).state()).isEqualTo(CriterionState.NO_DATA);
        Evaluation and = eval(met + " and " + noData + " and " + notMet);
        assertThat(and.state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(and.valueText()).isEqualTo("[" + notMet + "] 0 %");
        assertThat(and.detail()).startsWith("1 of 3 parts met (and: one part is not met); decided by [" + notMet + "]");
        assertThat(eval(notMet + " or " + noData).state()).isEqualTo(CriterionState.NO_DATA);
        assertThat(eval(notMet + " or " + noData + " or " + met).state()).isEqualTo(CriterionState.MET);
        assertThat(eval(notMet + " or " + notMet).state()).isEqualTo(CriterionState.NOT_MET);
        assertThat(eval("(" + notMet + " or " + met + ") and " + met).state()).isEqualTo(CriterionState.MET);
    }

    /** The #1278 template's lb-startup-allowance, over the health check's settings as a cloud resource target reads them. */
    @Test
    void theTemplatesStartupAllowanceIsRedOnTheSandboxHealthCheckAndGreenWithTheSeedsSettings() {
        String measure = "lb-health-check checkIntervalSec >= 10 and lb-health-check unhealthyThreshold >= 3";
        probes.attribute("lb-health-check", "checkIntervalSec", "5.0", NOW.minusSeconds(20)); // the sandbox's start: 5 s x 2
        probes.attribute("lb-health-check", "unhealthyThreshold", "2.0", NOW.minusSeconds(20));
        assertThat(eval(measure).state()).isEqualTo(CriterionState.NOT_MET);
        probes.attribute("lb-health-check", "checkIntervalSec", "10.0", NOW.minusSeconds(5)); // seed 3.4: 10 s x 3
        assertThat(eval(measure).state()).as("interval alone").isEqualTo(CriterionState.NOT_MET);
        probes.attribute("lb-health-check", "unhealthyThreshold", "3.0", NOW.minusSeconds(5));
        assertThat(eval(measure).state()).isEqualTo(CriterionState.MET);
    }
}
