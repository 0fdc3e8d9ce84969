package org.remediation.console.criteria;

/** Writes criteria in their canonical text, the form {@link CriterionText} parses back to the same criterion. */
final class CriterionFormat {

    private CriterionFormat() {
    }

    static String of(CriterionSpec spec) {
        return switch (spec) {
            case ManualCriterion m -> "manual: " + m.description();
            case MeasuredCriterion c -> formatMeasured(c);
            case CompositeCriterion c -> formatComposite(c);
        };
    }

    /** Parts joined by the operator; a part of the other operator in parentheses. */
    private static String formatComposite(CompositeCriterion c) {
        StringBuilder b = new StringBuilder();
        for (CriterionSpec part : c.parts()) {
            if (!b.isEmpty()) {
                b.append(' ').append(c.operator().word()).append(' ');
            }
            b.append(part instanceof CompositeCriterion ? "(" + of(part) + ")" : of(part));
        }
        return b.toString();
    }

    private static String formatMeasured(MeasuredCriterion c) {
        StringBuilder b = new StringBuilder();
        Subject s = c.subject();
        switch (s.kind()) {
            case TARGET -> b.append(s.name());
            case GROUP -> b.append("group ").append(s.name()).append(' ').append(s.quantifier().name().toLowerCase());
            case GOLDEN_PATH -> b.append("golden-path ").append(s.quantifier().name().toLowerCase());
        }
        if (c.measurement() != null) {
            b.append(' ').append(c.measurement());
        }
        switch (c.statistic()) {
            case UP -> b.append(" up");
            case UP_FOR -> b.append(" up-for ").append(c.thresholdText());
            case ATTRIBUTE -> {
                b.append(' ').append(c.attribute()).append(' ').append(c.thresholdText());
                if (!c.window().isZero()) {
                    b.append(" over ").append(Tokens.formatDuration(c.window()));
                }
            }
            default -> {
                if (c.statistic().isCount()) {
                    b.append(' ').append(c.counted());
                }
                b.append(' ').append(c.statistic().word()).append(' ').append(c.thresholdText())
                        .append(c.statistic().isCount() || c.statistic().isSum() ? " per " : " over ").append(Tokens.formatDuration(c.window()));
                if (c.minSamples() > 1) {
                    b.append(" min ").append(c.minSamples());
                }
            }
        }
        return b.toString();
    }
}
