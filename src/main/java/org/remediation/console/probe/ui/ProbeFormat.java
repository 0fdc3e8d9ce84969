package org.remediation.console.probe.ui;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.Samples;

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

    /** A metric value in its unit: {@code 63.2 %}, {@code 14 req}, {@code 3} (no unit), at most 2 decimals. */
    static String value(@Nullable Double v, String unit) {
        if (v == null) {
            return "—";
        }
        double a = Math.abs(v);
        String n = String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
        n = n.contains(".") ? n.replaceAll("0+$", "").replaceAll("\\.$", "") : n;
        return unit.isEmpty() ? n : n + " " + unit;
    }

    /** A figure of the target's statistics: a value in the metric's unit for metric targets, else a latency. */
    static String figure(ProbeTarget t, String unit, @Nullable Double v) {
        return t.kind().isMetric() ? value(v, unit) : ms(v);
    }

    /**
     * A metric target's unit: the one the latest result was read in (the {@code unit} setting or the
     * API's), else the setting; empty when neither says.
     */
    static String unit(ProbeTarget t, @Nullable ProbeResult last) {
        Object u = last == null ? null : last.measurements().get("unit");
        String s = u instanceof String str && !str.isBlank() ? str : t.settings().getOrDefault("unit", "");
        return s.strip();
    }

    /**
     * The values to plot for a target: latencies, or for a metric target its values, where a failed
     * run has none (NaN: charts break the line and mark the failure) rather than its run time.
     */
    static double[] plotted(ProbeTarget t, Samples samples) {
        if (!t.kind().isMetric()) {
            return samples.durationMs();
        }
        double[] v = samples.durationMs().clone();
        for (int i = 0; i < v.length; i++) {
            v[i] = samples.failed()[i] ? Double.NaN : v[i];
        }
        return v;
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
