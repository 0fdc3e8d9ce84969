package org.remediation.console.criteria;

/**
 * What a criterion measures: one probe target, a group of targets, or the golden path. For several
 * targets, {@link Quantifier#ALL} needs every one to pass, {@link Quantifier#ANY} at least one.
 */
public record Subject(Kind kind, String name, Quantifier quantifier) {

    public enum Kind { TARGET, GROUP, GOLDEN_PATH }

    public enum Quantifier { ALL, ANY }

    public static Subject target(String key) {
        return new Subject(Kind.TARGET, key, Quantifier.ALL);
    }

    public static Subject group(String group, Quantifier quantifier) {
        return new Subject(Kind.GROUP, group, quantifier);
    }

    public static Subject goldenPath(Quantifier quantifier) {
        return new Subject(Kind.GOLDEN_PATH, "", quantifier);
    }
}
