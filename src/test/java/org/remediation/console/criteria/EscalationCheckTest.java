package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.PhaseTimes.PhaseTiming;

/** Escalation timing against a controllable "now". */
class EscalationCheckTest {

    static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    static final EscalationRule STILL = EscalationRuleText.parse("criterion p95 still not met 120m after phase start");
    static final EscalationRule OVERRAN = EscalationRuleText.parse("phase overran its window");
    static final EscalationRule REGRESSED = EscalationRuleText.parse("criterion p95 regressed after being met");

    static CriterionStatus criterion(CriterionState state, Instant since, Instant firstMetAt) {
        return new CriterionStatus(CriterionOwner.phase("i", "p2", "p95"), "Backend p95", "backend-health p95 < 1000 ms",
                false, state, since, "1840 ms", 1840.0, "< 1000 ms over 15m", 30, "", since, firstMetAt, null, null, null, null);
    }

    static Optional<EscalationCheck.Firing> check(EscalationRule rule, PhaseTiming timing, CriterionStatus c, Instant now) {
        return EscalationCheck.check(rule, "p2", Optional.of(timing), key -> Optional.of(c), now);
    }

    @Test
    void stillNotMetFiresExactlyWhenTheDelayHasPassed() {
        PhaseTiming open = new PhaseTiming(START, START.plus(Duration.ofHours(4)), null);
        CriterionStatus notMet = criterion(CriterionState.NOT_MET, START, null);
        assertThat(check(STILL, open, notMet, START.plus(Duration.ofMinutes(119)).plusSeconds(59))).isEmpty();
        var fired = check(STILL, open, notMet, START.plus(Duration.ofMinutes(120)));
        assertThat(fired).isPresent();
        assertThat(fired.get().message()).contains("Backend p95").contains("2h after").contains("1840 ms")
                .contains("< 1000 ms over 15m");
        assertThat(fired.get().episode()).isEqualTo(check(STILL, open, notMet, START.plus(Duration.ofHours(3)))
                .orElseThrow().episode()).as("the same episode, so it fires once");
    }

    @Test
    void stillNotMetStaysQuietWhenMetNotStartedOrSignedOff() {
        Instant late = START.plus(Duration.ofHours(3));
        CriterionStatus met = criterion(CriterionState.MET, START, START);
        CriterionStatus noData = criterion(CriterionState.NO_DATA, START, null);
        assertThat(check(STILL, new PhaseTiming(START, null, null), met, late)).isEmpty();
        assertThat(check(STILL, new PhaseTiming(START, null, null), noData, late)).as("no data is not met").isPresent();
        assertThat(check(STILL, new PhaseTiming(null, null, null), noData, late)).isEmpty();
        assertThat(check(STILL, new PhaseTiming(START, null, START.plusSeconds(60)), noData, late)).isEmpty();
        assertThat(EscalationCheck.check(STILL, "p2", Optional.empty(), k -> Optional.of(noData), late)).isEmpty();
        assertThat(EscalationCheck.check(STILL, "p2", Optional.of(new PhaseTiming(START, null, null)),
                k -> Optional.empty(), late)).isEmpty();
    }

    @Test
    void phaseOverranFiresAfterThePlannedEndWhileOpen() {
        Instant end = START.plus(Duration.ofHours(2));
        CriterionStatus any = criterion(CriterionState.MET, START, START);
        assertThat(check(OVERRAN, new PhaseTiming(START, end, null), any, end)).isEmpty();
        assertThat(check(OVERRAN, new PhaseTiming(START, end, null), any, end.plusSeconds(1))).isPresent();
        assertThat(check(OVERRAN, new PhaseTiming(START, end, end.minusSeconds(5)), any, end.plusSeconds(1))).isEmpty();
        assertThat(check(OVERRAN, new PhaseTiming(START, null, null), any, end.plusSeconds(1))).isEmpty();
        PhaseTiming extended = new PhaseTiming(START, end.plus(Duration.ofHours(1)), null);
        assertThat(check(OVERRAN, extended, any, end.plus(Duration.ofHours(2))).orElseThrow().episode())
                .as("a new planned end is a new episode")
                .isNotEqualTo(check(OVERRAN, new PhaseTiming(START, end, null), any, end.plusSeconds(1)).orElseThrow().episode());
    }

    @Test
    void regressionFiresOnlyForACriterionThatWasMetBefore() {
        PhaseTiming open = new PhaseTiming(START, null, null);
        Instant now = START.plus(Duration.ofMinutes(50));
        assertThat(check(REGRESSED, open, criterion(CriterionState.NOT_MET, START, null), now)).isEmpty();
        assertThat(check(REGRESSED, open, criterion(CriterionState.MET, START.plusSeconds(600), START), now)).isEmpty();
        assertThat(check(REGRESSED, open, criterion(CriterionState.NO_DATA, START.plusSeconds(600), START), now)).isEmpty();
        var first = check(REGRESSED, open, criterion(CriterionState.NOT_MET, START.plusSeconds(600), START), now);
        assertThat(first).isPresent();
        var second = check(REGRESSED, open, criterion(CriterionState.NOT_MET, START.plusSeconds(1200), START), now);
        assertThat(second.orElseThrow().episode()).as("a second regression is a new episode")
                .isNotEqualTo(first.orElseThrow().episode());
    }
}
