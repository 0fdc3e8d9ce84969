package org.remediation.console.base;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Durations and points in time as people read them on screen and in exported Markdown. Always UTC, so
 * every team reads the same clock. Not for texts that are parsed back (runbook offsets, criterion
 * windows, probe intervals): those keep their own syntax.
 */
public final class HumanTime {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private HumanTime() {
    }

    /**
     * The two largest units, truncated: {@code 0s}, {@code 45s}, {@code 12m 30s}, {@code 40m},
     * {@code 2h 5m}, {@code 3d 4h}. A negative duration (a moment already passed) reads {@code 0s}.
     */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return pair(s / 60, "m", s % 60, "s");
        }
        if (s < 86_400) {
            return pair(s / 3600, "h", s % 3600 / 60, "m");
        }
        return pair(s / 86_400, "d", s % 86_400 / 3600, "h");
    }

    /** A full point in time, e.g. {@code 2026-11-25 12:00:05 UTC}, for logs, audit and exports. */
    public static String timestamp(Instant at) {
        return TIMESTAMP.format(at);
    }

    /** A point in time within the incident, e.g. {@code Nov 25 12:00 UTC}. */
    public static String time(Instant at) {
        return TIME.format(at);
    }

    /** Time of day to the second, e.g. {@code 12:00:05} (the caller says it is UTC). */
    public static String clock(Instant at) {
        return CLOCK.format(at);
    }

    /** Time of day to the minute, e.g. {@code 12:00} (the caller says it is UTC). */
    public static String hourMinute(Instant at) {
        return HOUR_MINUTE.format(at);
    }

    private static String pair(long big, String bigUnit, long small, String smallUnit) {
        return small == 0 ? big + bigUnit : big + bigUnit + " " + small + smallUnit;
    }
}
