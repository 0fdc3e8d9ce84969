package org.remediation.console.criteria;

import java.util.ArrayList;
import java.util.List;

/**
 * Measured criteria joined with {@code and} or {@code or}, e.g.
 * {@code backend-health p95 < 1 s over 15m and backend-health failures count <= 2 per 15m}. Parts
 * are {@link MeasuredCriterion measured criteria} or composites of the other operator (written in
 * parentheses: mixing {@code and} and {@code or} needs them). The state follows three-valued logic
 * ({@link CriterionEvaluator}).
 *
 * @param operator how the parts combine
 * @param parts two or more parts
 */
public record CompositeCriterion(Operator operator, List<CriterionSpec> parts) implements CriterionSpec {

    public enum Operator {
        AND, OR;

        String word() {
            return name().toLowerCase();
        }
    }

    public CompositeCriterion {
        parts = List.copyOf(parts);
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a composite criterion needs two or more parts");
        }
        for (CriterionSpec p : parts) {
            if (p instanceof ManualCriterion) {
                throw new IllegalArgumentException("a manual criterion cannot be part of a composite");
            }
        }
    }

    /** Every measured criterion inside, depth first, left to right. */
    public List<MeasuredCriterion> measuredParts() {
        List<MeasuredCriterion> out = new ArrayList<>();
        for (CriterionSpec p : parts) {
            switch (p) {
                case MeasuredCriterion m -> out.add(m);
                case CompositeCriterion c -> out.addAll(c.measuredParts());
                case ManualCriterion m -> { }
            }
        }
        return out;
    }
}
