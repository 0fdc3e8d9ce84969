package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A small trend line drawn as server-generated SVG (no front-end bundle needed). Gaps (null values)
 * break the line; an optional threshold is drawn dashed.
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
        getElement().setProperty("innerHTML", svg(values, threshold, width, height));
    }

    /** The SVG markup; pure, so it is easy to test. */
    public static String svg(List<@Nullable Double> values, @Nullable Double threshold, int width, int height) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v != null) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (threshold != null) {
            min = Math.min(min, threshold);
            max = Math.max(max, threshold);
        }
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"trend\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">");
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

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
