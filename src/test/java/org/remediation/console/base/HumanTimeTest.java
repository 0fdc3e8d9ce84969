package org.remediation.console.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanTimeTest {

    @Test
    void durationsShowTheTwoLargestUnits() {
        assertThat(HumanTime.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(HumanTime.duration(Duration.ofMillis(999))).isEqualTo("0s");
        assertThat(HumanTime.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(HumanTime.duration(Duration.ofSeconds(59))).isEqualTo("59s");
        assertThat(HumanTime.duration(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(HumanTime.duration(Duration.ofSeconds(750))).isEqualTo("12m 30s");
        assertThat(HumanTime.duration(Duration.ofMinutes(40))).isEqualTo("40m");
        assertThat(HumanTime.duration(Duration.ofSeconds(3599))).isEqualTo("59m 59s");
        assertThat(HumanTime.duration(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(HumanTime.duration(Duration.ofMinutes(125).plusSeconds(59))).as("seconds dropped past an hour")
                .isEqualTo("2h 5m");
        assertThat(HumanTime.duration(Duration.ofHours(23).plusMinutes(59))).isEqualTo("23h 59m");
        assertThat(HumanTime.duration(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(HumanTime.duration(Duration.ofDays(3).plusHours(4).plusMinutes(30))).isEqualTo("3d 4h");
    }

    @Test
    void aNegativeDurationReadsZero() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        assertThat(HumanTime.duration(Duration.between(now, now.minusSeconds(90)))).isEqualTo("0s");
        assertThat(HumanTime.duration(Duration.between(now, now.plusSeconds(90)))).as("starts in").isEqualTo("1m 30s");
    }

    @Test
    void pointsInTimeAreUtc() {
        Instant at = Instant.parse("2026-11-05T09:01:07.900Z");
        assertThat(HumanTime.timestamp(at)).isEqualTo("2026-11-05 09:01:07 UTC");
        assertThat(HumanTime.time(at)).isEqualTo("Nov 5 09:01 UTC");
        assertThat(HumanTime.clock(at)).isEqualTo("09:01:07");
        assertThat(HumanTime.hourMinute(at)).isEqualTo("09:01");
    }
}
