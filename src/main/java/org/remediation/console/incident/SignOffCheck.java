package org.remediation.console.incident;

import java.util.List;

/**
 * An extra reason a phase may not be signed off yet. Any Spring bean implementing this is consulted
 * by {@link SignOffGate}; the criteria feature adds one that reports "criterion X not met (value …)".
 */
public interface SignOffCheck {

    /** Plain-language reasons {@code phase} is blocked; empty when this check has no objection. */
    List<String> blockingReasons(PhaseState phase);
}
