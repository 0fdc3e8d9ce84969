package org.remediation.console.base.cluster;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One lease as stored: who holds it and its fencing token, which grows at every change of owner.
 * {@code prevFence}, {@code changedAt} and {@code graceful} describe the last change: a graceful one was
 * a release by an owner that had started every run due up to changedAt; otherwise the owner died.
 */
public record Lease(String name, @Nullable String owner, long fence, long prevFence, @Nullable Instant changedAt,
                    boolean graceful) {
}
