package org.remediation.console.criteria;

/**
 * Malformed criterion or escalation-rule text: where (1-based column), what was expected and what
 * was found, so the runbook author can fix it without reading a grammar.
 */
public class TextSyntaxException extends IllegalArgumentException {

    private final int column;
    private final String expected;
    private final String found;

    public TextSyntaxException(int column, String expected, String found) {
        super("at column " + column + ": expected " + expected + " but found " + found);
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
