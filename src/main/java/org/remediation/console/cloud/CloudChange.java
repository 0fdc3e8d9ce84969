package org.remediation.console.cloud;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A change to apply: the attributes to set (names from {@link Attributes}) and the fingerprint of
 * the state the change was previewed against. An adapter refuses with {@link CloudException.Kind#CONFLICT}
 * when the live state no longer has that fingerprint. {@code requestId} (a UUID) is the same on
 * every sending of one change, so an API that deduplicates requests (Compute's {@code requestId})
 * starts it at most once.
 */
public record CloudChange(ResourceRef ref, Map<String, String> desired, String expectedFingerprint, String requestId) {

    public CloudChange {
        if (desired.isEmpty()) {
            throw new IllegalArgumentException("a change must set at least one attribute");
        }
        desired = Collections.unmodifiableMap(new TreeMap<>(desired));
        UUID.fromString(requestId);
    }

    /** A one-off change (tests, tools): a fresh request id. */
    public CloudChange(ResourceRef ref, Map<String, String> desired, String expectedFingerprint) {
        this(ref, desired, expectedFingerprint, UUID.randomUUID().toString());
    }
}
