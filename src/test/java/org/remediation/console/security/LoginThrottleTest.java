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
            throttle.failed(account, true, address, T0);
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
    void aGuessersAddressWaitsUpToTheMaximumForEveryAccount() {
        fail(40, "commander", "10.0.0.1");
        assertThat(throttle.waitFor("commander", "10.0.0.1", T0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("lead", "10.0.0.1", T0)).as("the address, whatever account it tries").isEqualTo(Duration.ofMinutes(15));
    }

    /** Review finding: a guesser rotating addresses must not be able to keep the owner out. */
    @Test
    void anAddressThatNeverFailedForTheAccountIsCheckedAtOnceHoweverManyStrangersFailed() {
        for (int i = 0; i < 200; i++) {
            fail(1, "commander", "10.0." + (i / 250) + "." + (i % 250));
        }
        assertThat(throttle.waitFor("commander", "192.168.1.7", T0)).isZero();
        throttle.failed("commander", true, "192.168.1.7", T0); // the owner mistypes once: waits, at most a minute
        assertThat(throttle.waitFor("commander", "192.168.1.7", T0)).isEqualTo(LoginThrottle.ACCOUNT_CAP);
        assertThat(throttle.waitFor("commander", "192.168.1.7", T0.plus(LoginThrottle.ACCOUNT_CAP))).isZero();
        fail(1, "commander", "10.0.0.99"); // a stranger failing meanwhile does not restart the owner's wait
        assertThat(throttle.waitFor("commander", "192.168.1.7", T0.plus(LoginThrottle.ACCOUNT_CAP))).isZero();
    }

    @Test
    void madeUpNamesAreNeverKeptByNameOnlyTheirAddressCounts() {
        for (int i = 0; i < 30_000; i++) {
            throttle.failed("ghost-" + i, false, "10.9.9.9", T0);
        }
        assertThat(throttle.waitFor("ghost-1", "10.1.1.1", T0)).isZero();
        assertThat(throttle.waitFor("anyone", "10.9.9.9", T0)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddressAndStrikesAreForgottenAfterAnHour() {
        fail(10, "lead", "10.0.0.9");
        throttle.succeeded("lead", "10.0.0.9");
        assertThat(throttle.waitFor("someone", "10.0.0.9", T0)).as("a success does not wash the address")
                .isEqualTo(Duration.ofSeconds(32));

        fail(10, "viewer", "10.0.0.11");
        Instant later = T0.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        assertThat(throttle.waitFor("viewer", "10.0.0.11", later)).isZero();
        throttle.failed("viewer", true, "10.0.0.11", later);
        assertThat(throttle.waitFor("viewer", "10.0.0.11", later)).as("counting starts again").isZero();
    }

    @Test
    void ipv6AddressesOfOneSlash64CountAsOneSource() {
        for (int i = 1; i <= 6; i++) {
            throttle.failed("viewer", false, "2001:db8:1:2::" + Integer.toHexString(i), T0);
        }
        assertThat(throttle.waitFor("viewer", "2001:db8:1:2:ffff::1", T0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("viewer", "2001:db8:1:3::1", T0)).isZero();
    }
}
