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

    /** Runs one check. Never throws: every failure becomes a result with a human-readable error. */
    ProbeResult run(ProbeRequest request);
}
