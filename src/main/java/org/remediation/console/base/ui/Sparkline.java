package org.remediation.console.base.ui;

import java.util.Locale;

/**
 * Server-generated SVG for small trend lines (probe tiles, KPI tiles). Pure functions returning
 * markup; wrap with {@link SvgImage} to show it. Failed points are drawn as red dots.
 */
public final class Sparkline {

    private Sparkline() {
    }

    /**
     * A sparkline of {@code values} (oldest first) scaled to the box; {@code failed} marks points to
     * highlight (may be null). Empty input gives an empty box with a dashed base line.
     */
    public static String svg(double[] values, boolean[] failed, int width, int height) {
        StringBuilder sb = open(width, height, "sparkline");
        if (values.length == 0) {
            sb.append(line(0, height - 1, width, height - 1, "spark-empty"));
            return sb.append("</svg>").toString();
        }
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        max = max <= 0 ? 1 : max;
        double step = values.length == 1 ? 0 : (double) (width - 2) / (values.length - 1);
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double x = 1 + i * step;
            double y = height - 1 - (values[i] / max) * (height - 3);
            points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            if (failed != null && i < failed.length && failed[i]) {
                dots.append("<circle class=\"spark-fail\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                        .append("\" r=\"1.8\"/>");
            }
        }
        sb.append("<polyline class=\"spark-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.3\" points=\"")
                .append(points.toString().strip()).append("\"/>").append(dots);
        return sb.append("</svg>").toString();
    }

    static StringBuilder open(int width, int height, String cssClass) {
        return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">");
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
