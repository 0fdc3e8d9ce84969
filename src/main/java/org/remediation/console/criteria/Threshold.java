package org.remediation.console.criteria;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The right-hand side of a criterion: a number with the unit it was written in, or a word for
 * string equality ({@code state = READY}).
 *
 * @param number the number as written (null for a word)
 * @param unit the unit as written ({@code ms}, {@code s}, {@code %}, {@code m} …) or empty
 * @param word the word for string equality (null for a number)
 */
public record Threshold(@Nullable BigDecimal number, String unit, @Nullable String word) {

    public static Threshold of(String number, String unit) {
        return new Threshold(new BigDecimal(number), unit, null);
    }

    public static Threshold word(String word) {
        return new Threshold(null, "", word);
    }

    public boolean isWord() {
        return word != null;
    }

    public double amount() {
        if (number == null) {
            throw new IllegalStateException("a word threshold has no number");
        }
        return number.doubleValue();
    }

    String plainNumber() {
        return number == null ? "" : number.stripTrailingZeros().toPlainString();
    }

    /** Human form: {@code 1000 ms}, {@code 100 %}, {@code 14}, {@code READY}. */
    public String display() {
        if (word != null) {
            return word;
        }
        return unit.isEmpty() ? plainNumber() : plainNumber() + " " + unit;
    }
}
