package org.remediation.console.incident.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.remediation.console.incident.PhaseState;

/** Times and windows in the words the board uses (UTC, so every team reads the same clock). */
final class Format {

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("MMM d HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String time(Instant at) {
        return HM.format(at);
    }

    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        return minutes >= 60 ? (minutes / 60) + "h " + String.format("%02d", minutes % 60) + "m" : minutes + "m";
    }

    static String offset(int minutes) {
        return minutes % 60 == 0 ? (minutes / 60) + "h" : (minutes / 60) + "h" + (minutes % 60) + "m";
    }

    static String window(PhaseState phase, Instant incidentStart) {
        return offset(phase.windowStartMinutes()) + "–" + offset(phase.windowEndMinutes()) + " ("
                + time(phase.plannedStart(incidentStart)) + " – " + time(phase.plannedEnd(incidentStart)) + ")";
    }
}
