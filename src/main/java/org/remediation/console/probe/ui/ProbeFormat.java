package org.remediation.console.probe.ui;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.probe.HealthState;

/** How probe figures read on screen. */
final class ProbeFormat {

    private ProbeFormat() {
    }

    static String ms(@Nullable Double ms) {
        if (ms == null) {
            return "—";
        }
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String percent(@Nullable Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    static StatusBadge.Tone tone(HealthState s) {
        return switch (s) {
            case UP -> StatusBadge.Tone.OK;
            case DEGRADED -> StatusBadge.Tone.WARN;
            case DOWN -> StatusBadge.Tone.BAD;
            case UNKNOWN -> StatusBadge.Tone.NEUTRAL;
        };
    }

    static String css(HealthState s) {
        return "probe-" + s.name().toLowerCase(Locale.ROOT);
    }
}
