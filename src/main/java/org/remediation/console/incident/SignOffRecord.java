package org.remediation.console.incident;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A phase sign-off; {@code snapshotJson} freezes every task's and criterion's state at that moment. */
public record SignOffRecord(long id, long phaseId, String signedBy, Instant signedAt, boolean override,
                            @Nullable String overrideReason, String snapshotJson) {
}
