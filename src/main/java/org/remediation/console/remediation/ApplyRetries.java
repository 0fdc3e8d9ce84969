package org.remediation.console.remediation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Actions waiting to send their change again (the cloud said "busy" or "not now", or its answer was
 * lost and the resource was found unchanged). Stored, so a restart or another replica carries on;
 * {@link #claim} lets exactly one of them take a due retry.
 */
@Component
class ApplyRetries {

    /**
     * Why an action waits: to send again, to look again for an operation a lost answer may have
     * started, or (ADOPTED, not waiting) it tracks an operation found by listing.
     */
    enum Reason { RESEND, RECHECK, ADOPTED }

    record Pending(long actionId, int attempts, @Nullable Instant retryAt, Reason reason, Instant firstAt) {
    }

    private final JdbcTemplate jdbc;

    ApplyRetries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Pending> of(long actionId) {
        return jdbc.query("select * from remediation_apply_retry where action_id = ?", (rs, i) -> new Pending(
                rs.getLong("action_id"), rs.getInt("attempts"), instant(rs.getObject("retry_at", OffsetDateTime.class)),
                Reason.valueOf(rs.getString("reason")), rs.getObject("first_at", OffsetDateTime.class).toInstant()),
                actionId).stream().findFirst();
    }

    /** Records one more sending and when to try next. */
    void schedule(long actionId, int attempts, Instant retryAt, Reason reason, Instant firstAt) {
        if (jdbc.update("update remediation_apply_retry set attempts = ?, retry_at = ?, reason = ? where action_id = ?",
                attempts, utc(retryAt), reason.name(), actionId) == 0) {
            jdbc.update("insert into remediation_apply_retry (action_id, attempts, retry_at, reason, first_at) "
                    + "values (?, ?, ?, ?, ?)", actionId, attempts, utc(retryAt), reason.name(), utc(firstAt));
        }
    }

    /**
     * Takes a due retry for this process; false when another tracker (or replica) took it first. The
     * claim is a lease: should this process die while sending, the row comes due again at
     * {@code leaseUntil} as a RECHECK, because by then nobody knows whether the change went out.
     */
    boolean claim(Pending pending, Instant leaseUntil) {
        return pending.retryAt() != null && jdbc.update("update remediation_apply_retry set retry_at = ?, reason = ? "
                + "where action_id = ? and retry_at = ?", utc(leaseUntil), Reason.RECHECK.name(), pending.actionId(),
                utc(pending.retryAt())) == 1;
    }

    /** The tracked operation was found by listing after a lost answer: it may turn out not to be this change's. */
    void markAdopted(long actionId, int attempts, Instant firstAt) {
        clear(actionId);
        jdbc.update("insert into remediation_apply_retry (action_id, attempts, retry_at, reason, first_at) "
                + "values (?, ?, null, ?, ?)", actionId, attempts, Reason.ADOPTED.name(), utc(firstAt));
    }

    void clear(long actionId) {
        jdbc.update("delete from remediation_apply_retry where action_id = ?", actionId);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
