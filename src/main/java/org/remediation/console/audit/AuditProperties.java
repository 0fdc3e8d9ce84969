package org.remediation.console.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit chain's key and anchor (docs/security.md, "The audit trail").
 *
 * @param key the signing keys (env {@code CONSOLE_AUDIT_KEY}): {@code <id>:<base64 secret>}, comma-separated
 *     for rotation; the highest id signs new events, every listed key verifies. Ids start at 1 (0 is the
 *     plain SHA-256 of events written before keys existed); secrets are at least 32 bytes
 * @param keyFile where the embedded default generates and keeps its key when {@code key} is empty (the
 *     same format, mode 600, outside {@code ./data}); empty under the {@code postgres} profile, where a
 *     missing {@code key} refuses the start
 * @param anchorDir where the latest anchor (seq and hash of the chain's head) is kept, one file per
 *     database, for {@code verify()}; outside the database on purpose
 * @param anchorInterval how often the head is anchored (also at start and at shutdown)
 * @param anchorWebhook a URL each anchor is POSTed to as JSON (env {@code CONSOLE_AUDIT_ANCHOR_WEBHOOK});
 *     empty: anchors go to the log and the anchor file only
 */
@ConfigurationProperties("console.audit")
public record AuditProperties(@Nullable String key,
                              @Nullable String keyFile,
                              @Nullable String anchorDir,
                              @DefaultValue("5m") Duration anchorInterval,
                              @Nullable String anchorWebhook) {
}
