package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The backoff's arithmetic under a hand-moved clock: who waits, how long, and when it is forgotten. */
class LoginThrottleTest {

    static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");
    final LoginThrottle throttle = new LoginThrottle(new SecurityProperties(5, Duration.ofMinutes(15), null, null));

    void fail(int times, String account, String address) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address, T0);
        }
    }

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoubles() {
        fail(4, "commander", "10.0.0.1");
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0)).isZero();
        fail(1, "commander", "10.0.0.1");
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0)).isEqualTo(Duration.ofSeconds(1));
        fail(3, "commander", "10.0.0.1");
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0.plusSeconds(8))).isZero();
    }

    @Test
    void aGuessersAddressWaitsUpToTheMaximumWhileTheAccountWaitsAtMostAMinute() {
        fail(40, "commander", "10.0.0.1");
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("commander", "10.0.0.2", T0)).as("another unknown address: the account's wait")
                .isEqualTo(LoginThrottle.ACCOUNT_CAP);
        assertThat(throttle.waitFor("lead", "10.0.0.2", T0)).as("another account from another address").isZero();
    }

    @Test
    void theOwnerAtAnAddressTheySignedInFromIsNotSlowedByStrangers() {
        throttle.succeeded("commander", "192.168.1.7");
        fail(40, "commander", "10.0.0.1");
        assertThat(throttle.waitFor("commander", "192.168.1.7", T0)).isZero();
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0)).isPositive();
    }

    @Test
    void aSuccessClearsTheAccountAndTheAddressAndStrikesAreForgottenAfterAnHour() {
        fail(10, "lead", "10.0.0.9");
        throttle.succeeded("lead", "10.0.0.9");
        assertThat(throttle.waitFor("lead", "10.0.0.10", T0)).isZero();
        assertThat(throttle.waitFor("someone", "10.0.0.9", T0)).isZero();

        fail(10, "viewer", "10.0.0.11");
        Instant later = T0.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        assertThat(throttle.waitFor("viewer", "10.0.0.11", later)).isZero();
        throttle.failed("viewer", "10.0.0.11", later);
        assertThat(throttle.waitFor("viewer", "10.0.0.11", later)).as("counting starts again").isZero();
    }

    @Test
    void withoutAKnownAddressOnlyTheAccountCounts() {
        fail(6, "viewer", null);
        assertThat(throttle.waitFor("viewer", null, T0)).isEqualTo(Duration.ofSeconds(2));
    }
}
