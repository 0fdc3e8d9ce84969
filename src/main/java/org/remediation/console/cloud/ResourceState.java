package org.remediation.console.cloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A resource's live state as flat, sorted attributes (what previews diff, probes read and views
 * show), with a fingerprint that changes whenever any attribute changes. Attribute names per kind
 * are listed in {@link Attributes}.
 */
public record ResourceState(ResourceRef ref, Map<String, String> attributes, Instant readAt) {

    public ResourceState {
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public Optional<String> get(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    public String require(String attribute) {
        return get(attribute).orElseThrow(() -> new IllegalStateException(ref + " has no attribute " + attribute));
    }

    public int intValue(String attribute) {
        return Integer.parseInt(require(attribute));
    }

    /** SHA-256 over the sorted attributes: equal states have equal fingerprints, on any adapter. */
    public String fingerprint() {
        StringBuilder sb = new StringBuilder(ref.toString()).append('\n');
        attributes.forEach((k, v) -> sb.append(k.length()).append(':').append(k).append('=')
                .append(v.length()).append(':').append(v).append('\n'));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
