package org.remediation.console.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats measured values the way people read them on the board. */
final class Values {

    private Values() {
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
