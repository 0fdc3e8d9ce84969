package org.remediation.console.incident;

/**
 * Something in a runbook that import accepts but a responder should know: a measured criterion whose
 * probe target does not exist (yet), or whose group has no targets — it reads "no data" until they do.
 *
 * @param path the YAML path, e.g. {@code phases[0].criteria[1].measure}
 * @param line the line in the document (1-based)
 * @param criterionKey the criterion's key
 * @param subject the probe target or group the criterion names ({@code golden path} for the golden path)
 * @param message what is wrong, in plain words
 */
public record RunbookWarning(String path, int line, String criterionKey, String subject, String message) {

    @Override
    public String toString() {
        return path + ": line " + line + ": criterion " + criterionKey + ": " + message;
    }
}
