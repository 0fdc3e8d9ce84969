package org.remediation.console.incident;

import java.util.Map;
import org.remediation.console.base.InvalidInputException;

/**
 * What this feature needs to know about a task's ready-made action ({@code actionSpec}): could it
 * be requested as written, and what is it. The remediation feature implements this port with its
 * one action-spec parser and the action kinds' own parameter checks, so runbook import and the
 * checklist refuse {@code minInstances=lots} up front while this package never imports remediation.
 *
 * <p>Without an implementation in the context (a slice of the application without the remediation
 * feature), {@link #UNCHECKED} stands in: see there.
 */
public interface TaskActions {

    /**
     * Reads a spec such as {@code scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=3}.
     *
     * @throws InvalidInputException with one problem per thing wrong, in plain words; the field names
     *     the parameter ({@code minInstances}) or {@code spec} for the shape of the whole text
     */
    TaskAction read(String spec);

    /**
     * A task's action as the checklist shows it.
     *
     * @param kind the action kind as specs spell it ({@code scale-connector})
     * @param label what people call it ({@code Scale VPC connector})
     * @param params the parameters as written, the resource included
     */
    record TaskAction(String kind, String label, Map<String, String> params) {
        public TaskAction {
            params = Map.copyOf(params);
        }
    }

    /**
     * The stand-in when no remediation feature is present: it checks nothing and keeps the text as
     * written (kind = the first word, no parameters). Nothing in such a context can request an
     * action, and the full console always has the real checks, which a request applies again anyway;
     * refusing every spec instead would make such a slice unable to import the built-in template.
     */
    TaskActions UNCHECKED = spec -> {
        String kind = spec.strip().split("\\s+", 2)[0];
        return new TaskAction(kind, kind, Map.of());
    };
}
