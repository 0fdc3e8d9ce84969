package org.remediation.console.base;

import java.util.List;

/**
 * Thrown by a service when input is rejected before anything is written. Each problem names the
 * field (or YAML path) so a tired responder sees exactly what to fix.
 */
public class InvalidInputException extends RuntimeException {

    /** One rejected field: where it is and what is wrong with it, in plain words. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** True when some problem is reported against exactly this field. */
    public boolean names(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    private static String summary(List<Problem> problems) {
        return String.join("; ", problems.stream().map(Problem::toString).toList());
    }
}
