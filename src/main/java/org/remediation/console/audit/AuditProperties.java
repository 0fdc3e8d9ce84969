package org.remediation.console.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The audit chain's key (docs/security.md, "The audit trail").
 *
 * @param key the signing keys (env {@code CONSOLE_AUDIT_KEY}): {@code <id>:<base64 secret>}, comma-separated
 *     for rotation; the highest id signs new events, every listed key verifies. Ids start at 1 (0 is the
 *     plain SHA-256 of events written before keys existed); secrets are at least 32 bytes
 * @param keyFile where the embedded default generates and keeps its key when {@code key} is empty (the
 *     same format, mode 600, outside {@code ./data}); empty under the {@code postgres} profile, where a
 *     missing {@code key} refuses the start
 */
@ConfigurationProperties("console.audit")
public record AuditProperties(@Nullable String key,
                              @Nullable String keyFile) {
}
