package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Small trend lines drawn as server-generated SVG (no front-end bundle needed): as a component
 * (KPI tiles: gaps break the line, an optional threshold is dashed) or as markup for probe tiles
 * (failed points drawn as red dots), plus the SVG helpers {@link SvgChart} shares.
 */
public class Sparkline extends Div {

    private final int width;
    private final int height;

    public Sparkline(int width, int height) {
        this.width = width;
        this.height = height;
        addClassName("sparkline");
        setValues(List.of(), null);
    }

    public final void setValues(List<@Nullable Double> values, @Nullable Double threshold) {
        setValues(values, threshold, "");
    }

    /** As above, the threshold line labelled with {@code thresholdText} ({@code 70 %}) when not empty. */
    public final void setValues(List<@Nullable Double> values, @Nullable Double threshold, String thresholdText) {
        getElement().setProperty("innerHTML", svg(values, threshold, thresholdText, width, height));
    }

    /** The SVG markup; pure, so it is easy to test. */
    public static String svg(List<@Nullable Double> values, @Nullable Double threshold, int width, int height) {
        return svg(values, threshold, "", width, height);
    }

    /** The SVG markup with the threshold line labelled {@code thresholdText} (nothing when empty). */
    public static String svg(List<@Nullable Double> values, @Nullable Double threshold, String thresholdText,
                             int width, int height) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        long known = values.stream().filter(java.util.Objects::nonNull).count();
        String label = known == 0 ? "Trend: no values yet"
                : "Trend of " + known + " values from " + fmt(min) + " to " + fmt(max)
                        + (threshold == null ? "" : ", threshold " + (thresholdText.isEmpty() ? fmt(threshold) : thresholdText));
        if (threshold != null) {
            min = Math.min(min, threshold);
            max = Math.max(max, threshold);
        }
        StringBuilder b = open(width, height, "sparkline-svg", label);
        if (min == Double.POSITIVE_INFINITY) {
            return b.append("</svg>").toString();
        }
        double span = max - min == 0 ? 1 : max - min;
        double step = values.size() > 1 ? (double) (width - 2) / (values.size() - 1) : 0;
        if (threshold != null) {
            double y = y(threshold, min, span, height);
            b.append("<line class=\"sparkline-threshold\" x1=\"0\" x2=\"").append(width).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"currentColor\" stroke-opacity=\"0.4\" stroke-dasharray=\"3 3\"/>");
            if (!thresholdText.isEmpty()) {
                // above the line unless that leaves the box
                double ty = y < 10 ? y + 9 : y - 2;
                b.append("<text class=\"sparkline-threshold-label\" x=\"").append(width - 1).append("\" y=\"")
                        .append(fmt(ty)).append("\" text-anchor=\"end\" font-size=\"8\" fill=\"currentColor\">")
                        .append(escape(thresholdText)).append("</text>");
            }
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                flush(b, points);
                continue;
            }
            points.append(points.isEmpty() ? "" : " ").append(fmt(1 + i * step)).append(',')
                    .append(fmt(y(v, min, span, height)));
        }
        flush(b, points);
        return b.append("</svg>").toString();
    }

    private static void flush(StringBuilder b, StringBuilder points) {
        if (!points.isEmpty()) {
            b.append("<polyline class=\"sparkline-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"")
                    .append(points).append("\"/>");
            points.setLength(0);
        }
    }

    private static double y(double v, double min, double span, int height) {
        return 1 + (height - 2) * (1 - (v - min) / span);
    }

    /**
     * A sparkline of {@code values} (oldest first) scaled to the box; {@code failed} marks points to
     * highlight (may be null). Empty input gives an empty box with a dashed base line.
     */
    public static String svg(double[] values, boolean[] failed, int width, int height) {
        return svg(values, failed, "Latency of the last", "ms", width, height);
    }

    /**
     * As above, naming what is drawn ({@code "Values of the last"}) and its unit. A NaN value is a run
     * without one (a failed metric read): the line breaks and its red dot sits on the base line.
     */
    public static String svg(double[] values, boolean[] failed, String what, String unit, int width, int height) {
        StringBuilder sb = open(width, height, "sparkline", describe(what, values, failed, unit));
        if (values.length == 0) {
            sb.append(line(0, height - 1, width, height - 1, "spark-empty"));
            return sb.append("</svg>").toString();
        }
        double max = 0;
        for (double v : values) {
            max = Double.isNaN(v) ? max : Math.max(max, v);
        }
        max = max <= 0 ? 1 : max;
        double step = values.length == 1 ? 0 : (double) (width - 2) / (values.length - 1);
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double x = 1 + i * step;
            boolean none = Double.isNaN(values[i]);
            double y = none ? height - 1 : height - 1 - (Math.max(0, values[i]) / max) * (height - 3);
            if (none) {
                sparkFlush(sb, points);
            } else {
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            }
            if (failed != null && i < failed.length && failed[i]) {
                dots.append("<circle class=\"spark-fail\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" r=\"1.8\"/>");
            }
        }
        sparkFlush(sb, points);
        return sb.append(dots).append("</svg>").toString();
    }

    private static void sparkFlush(StringBuilder sb, StringBuilder points) {
        if (!points.isEmpty()) {
            sb.append("<polyline class=\"spark-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.3\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
            points.setLength(0);
        }
    }

    /** Opens an SVG that screen readers announce as one image named {@code label}. */
    static StringBuilder open(int width, int height, String cssClass, String label) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">");
    }

    /** "Latency of the last 40 runs: 12 to 340 ms, 2 failed": what the figure shows, in words. */
    static String describe(String what, double[] values, boolean[] failed, String unit) {
        if (values.length == 0) {
            return what.replaceAll(" of( the last)?$", "") + ": no runs yet";
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int failures = 0;
        for (int i = 0; failed != null && i < failed.length && i < values.length; i++) {
            failures += failed[i] ? 1 : 0;
        }
        String range = min > max ? "no values" : whole(min) + " to " + whole(max) + (unit.isEmpty() ? "" : " " + unit);
        return what + " " + values.length + (values.length == 1 ? " run: " : " runs: ") + range + ", " + failures + " failed";
    }

    private static String whole(double v) {
        return String.valueOf(Math.round(v));
    }

    static String line(double x1, double y1, double x2, double y2, String cssClass) {
        return "<line class=\"" + cssClass + "\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2)
                + "\" y2=\"" + fmt(y2) + "\"/>";
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
