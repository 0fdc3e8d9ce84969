package org.remediation.console.remediation;

/** One attribute in a preview: its value now and after the action ("—" when absent). */
public record DiffRow(String attribute, String before, String after) {

    public boolean changed() {
        return !before.equals(after);
    }
}
