package org.remediation.console.cloud;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A change to apply: the attributes to set (names from {@link Attributes}) and the fingerprint of
 * the state the change was previewed against. An adapter refuses with {@link CloudException.Kind#CONFLICT}
 * when the live state no longer has that fingerprint.
 */
public record CloudChange(ResourceRef ref, Map<String, String> desired, String expectedFingerprint) {

    public CloudChange {
        if (desired.isEmpty()) {
            throw new IllegalArgumentException("a change must set at least one attribute");
        }
        desired = Collections.unmodifiableMap(new TreeMap<>(desired));
    }
}
