package org.remediation.console.base.ui;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;

/**
 * A server-generated SVG time-series chart with axes, tick labels, an optional threshold line and
 * failed points in red. Values are plotted against time (epoch milliseconds).
 */
public final class SvgChart {

    private static final int LEFT = 48;
    private static final int BOTTOM = 22;
    private static final int TOP = 8;
    private static final int RIGHT = 8;

    private SvgChart() {
    }

    public static String svg(long[] times, double[] values, boolean[] failed, @Nullable Double threshold, String unit,
                             int width, int height) {
        return svg(times, values, failed, threshold, unit, "Latency chart of", width, height);
    }

    /**
     * As above, naming what is plotted ({@code "Value chart of"} for a metric target, whose values
     * are in {@code unit}). A NaN value is a run without one (a failed metric read): the line breaks
     * there and its red dot sits on the time axis.
     */
    public static String svg(long[] times, double[] values, boolean[] failed, @Nullable Double threshold, String unit,
                             String what, int width, int height) {
        StringBuilder sb = Sparkline.open(width, height, "svg-chart", label(what, values, failed, threshold, unit));
        int plotW = width - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        double max = threshold == null ? 0 : threshold * 1.1;
        for (double v : values) {
            max = Double.isNaN(v) ? max : Math.max(max, v);
        }
        max = niceCeiling(max <= 0 ? 1 : max);
        // axes
        sb.append(Sparkline.line(LEFT, TOP, LEFT, TOP + plotH, "chart-axis"));
        sb.append(Sparkline.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "chart-axis"));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = TOP + plotH - plotH * i / 4.0;
            sb.append(Sparkline.line(LEFT, y, LEFT + plotW, y, "chart-grid"));
            sb.append(text(LEFT - 4, y + 4, "end", i == 4 ? withUnit(v, unit) : plain(v)));
        }
        if (times.length == 0) {
            sb.append(text(LEFT + plotW / 2.0, TOP + plotH / 2.0, "middle", "No results yet"));
            return sb.append("</svg>").toString();
        }
        long t0 = times[0];
        long t1 = Math.max(times[times.length - 1], t0 + 1);
        for (int i = 0; i <= 3; i++) {
            long t = t0 + (t1 - t0) * i / 3;
            double x = LEFT + plotW * i / 3.0;
            sb.append(text(x, height - 6, i == 0 ? "start" : i == 3 ? "end" : "middle", HumanTime.hourMinute(Instant.ofEpochMilli(t))));
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < times.length; i++) {
            double x = LEFT + plotW * (double) (times[i] - t0) / (t1 - t0);
            boolean none = Double.isNaN(values[i]);
            double y = none ? TOP + plotH : TOP + plotH - plotH * Math.max(0, Math.min(values[i], max)) / max;
            if (none) {
                flush(sb, points);
            } else {
                points.append(Sparkline.fmt(x)).append(',').append(Sparkline.fmt(y)).append(' ');
            }
            if (failed[i]) {
                dots.append("<circle class=\"chart-fail\" cx=\"").append(Sparkline.fmt(x)).append("\" cy=\"")
                        .append(Sparkline.fmt(y)).append("\" r=\"2.5\"/>");
            }
        }
        flush(sb, points);
        sb.append(dots);
        if (threshold != null) {
            double y = TOP + plotH - plotH * threshold / max;
            sb.append(Sparkline.line(LEFT, y, LEFT + plotW, y, "chart-threshold"));
            sb.append(text(LEFT + plotW - 2, y - 3, "end", "threshold " + withUnit(threshold, unit)));
        }
        return sb.append("</svg>").toString();
    }

    private static String label(String what, double[] values, boolean[] failed, @Nullable Double threshold, String unit) {
        String figures = Sparkline.describe(what, values, failed, unit);
        return threshold == null ? figures : figures + "; threshold " + withUnit(threshold, unit);
    }

    private static void flush(StringBuilder sb, StringBuilder points) {
        if (!points.isEmpty()) {
            sb.append("<polyline class=\"chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
            points.setLength(0);
        }
    }

    private static String plain(double v) {
        return Sparkline.fmt(v).replace(".0", "");
    }

    /** {@code 70 %}, {@code 250 ms}; a unitless value alone ({@code 80}). */
    private static String withUnit(double v, String unit) {
        return unit.isEmpty() ? plain(v) : plain(v) + " " + unit;
    }

    private static String text(double x, double y, String anchor, String s) {
        return "<text class=\"chart-label\" x=\"" + Sparkline.fmt(x) + "\" y=\"" + Sparkline.fmt(y) + "\" text-anchor=\""
                + anchor + "\">" + Sparkline.escape(s) + "</text>";
    }

    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
