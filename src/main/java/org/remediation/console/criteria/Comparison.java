package org.remediation.console.criteria;

import java.util.Optional;

/** The comparator of a criterion; strings support only equality. */
public enum Comparison {
    LT("<"), LE("<="), EQ("="), GE(">="), GT(">");

    private static final double EPSILON = 1e-9;

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean test(double actual, double threshold) {
        return switch (this) {
            case LT -> actual < threshold - EPSILON;
            case LE -> actual <= threshold + EPSILON;
            case EQ -> Math.abs(actual - threshold) <= EPSILON;
            case GE -> actual >= threshold - EPSILON;
            case GT -> actual > threshold + EPSILON;
        };
    }

    static Optional<Comparison> ofSymbol(String s) {
        return Optional.ofNullable(switch (s) {
            case "<" -> LT;
            case "<=", "≤" -> LE;
            case "=", "==" -> EQ;
            case ">=", "≥" -> GE;
            case ">" -> GT;
            default -> null;
        });
    }
}
