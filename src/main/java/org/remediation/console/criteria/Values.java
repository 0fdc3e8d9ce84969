package org.remediation.console.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats measured values the way people read them on the board. */
final class Values {

    private Values() {
    }

    /**
     * A criterion's value in the unit its threshold is written in: {@code 4.4 s} beside {@code < 5 s},
     * not {@code 4399 ms} (issue 15, item 2). Other statistics as {@link #format(Statistic, double)}.
     */
    static String format(MeasuredCriterion c, double value) {
        if (c.statistic().isLatency() && !c.improvement() && "s".equals(c.threshold().unit())) {
            return round(value / 1000, 3) + " s"; // to the ms: 4996 ms never reads "5 s" beside "< 5 s"
        }
        return format(c.statistic(), value);
    }

    static String format(Statistic statistic, double value) {
        if (statistic.isLatency()) {
            return (value >= 10 ? String.valueOf(Math.round(value)) : round(value, 1)) + " ms";
        }
        if (statistic.isRate()) {
            return round(value, 1) + " %";
        }
        return round(value, 2);
    }

    private static String round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
