package org.remediation.console.probe;

import java.util.Map;
import org.remediation.console.base.Problems;

/**
 * One kind of check. Implementations are Spring beans, stateless and thread-safe; the scheduler
 * calls {@link #run} on a virtual thread and cuts it at the target's timeout as a backstop, but each
 * implementation honours the timeout itself on every blocking step (connect, handshake, read).
 */
public interface Probe {

    ProbeKind kind();

    /** Checks kind-specific settings, reporting problems against {@code settings.<name>}. */
    void validate(Map<String, String> settings, Problems problems);

    /** The credential references among the settings (checked to resolve when a target is saved). */
    default java.util.List<String> references(Map<String, String> settings) {
        return settings.values().stream().map(v -> v == null ? "" : v.strip()).filter(CredentialRefs::isReference).toList();
    }

    /** Runs one check. Never throws: every failure becomes a result with a human-readable error. */
    ProbeResult run(ProbeRequest request);
}
