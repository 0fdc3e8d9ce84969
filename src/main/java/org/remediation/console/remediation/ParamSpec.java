package org.remediation.console.remediation;

/** One parameter of an action kind, for the request form: its name, label and valid range. */
public record ParamSpec(String name, String label, String help, boolean required) {
}
