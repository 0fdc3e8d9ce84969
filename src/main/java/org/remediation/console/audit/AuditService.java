package org.remediation.console.audit;

import org.remediation.console.base.identity.SignedIn;
import org.remediation.console.base.LiveUpdate;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tamper-evident audit trail every feature writes to.
 *
 * <p>{@link #append} joins the caller's transaction: an audited change and its audit event commit
 * or roll back together. Appending needs a role that may change something (a viewer changes
 * nothing) or the system identity (logins, seeding, background work).
 */
@Service
@SignedIn
public class AuditService {

    private static final int MAX_DETAILS = 20_000;

    private final AuditStore store;
    private final AuditKeySource keys;
    private final AuditAnchors anchors;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json = JsonMapper.builder().build();

    AuditService(AuditStore store, AuditKeySource keys, AuditAnchors anchors, Clock clock,
                 ApplicationEventPublisher events) {
        this.store = store;
        this.keys = keys;
        this.anchors = anchors;
        this.clock = clock;
        this.events = events;
    }

    /** Appends one event as the signed-in caller (a person, or "system" for background work). */
    @Transactional
    @RolesAllowed({Roles.RESPONDER, Roles.TEAM_LEAD, Roles.OPERATOR, Roles.COMMANDER, Roles.ADMIN, Roles.SYSTEM})
    public AuditEvent record(String action, String subject, Map<String, ?> details) {
        return append(CurrentUser.require(), action, subject, details);
    }

    @Transactional
    @RolesAllowed({Roles.RESPONDER, Roles.TEAM_LEAD, Roles.OPERATOR, Roles.COMMANDER, Roles.ADMIN, Roles.SYSTEM})
    public AuditEvent append(String actor, String action, String subject, Map<String, ?> details) {
        return append(actor, action, subject, json.writeValueAsString(new TreeMap<>(details)));
    }

    @Transactional
    @RolesAllowed({Roles.RESPONDER, Roles.TEAM_LEAD, Roles.OPERATOR, Roles.COMMANDER, Roles.ADMIN, Roles.SYSTEM})
    public AuditEvent append(String actor, String action, String subject, String details) {
        AuditStore.Head head = store.lockHead();
        long seq = head.seq() + 1;
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String safeDetails = details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
        AuditKeys ring = keys.keys();
        int keyId = ring.signingId();
        String hash = AuditChain.hmac(java.util.Objects.requireNonNull(ring.mac(keyId)), seq, at, actor, action, subject,
                safeDetails, head.hash());
        AuditEvent event = new AuditEvent(seq, at, actor, action, subject, safeDetails, head.hash(), hash, keyId);
        store.insert(event);
        store.moveHead(seq, hash);
        events.publishEvent(new AuditAppended(seq));
        return event;
    }

    /**
     * Walks the whole chain in order and names the first event whose link, key or content is wrong; then
     * checks the latest anchor kept outside the database: the anchored event must still be there with
     * the anchored hash (a rewrite re-hashed to the end, or a cut tail, shows there).
     */
    @RolesAllowed({Roles.ADMIN, Roles.COMMANDER})
    @Transactional(readOnly = true)
    public ChainVerification verify() {
        ChainWalker walker = new ChainWalker(keys.keys());
        store.streamAll(walker);
        ChainVerification walked = walker.result();
        long headSeq = store.headSeq();
        if (walked.valid() && headSeq != walked.eventsChecked()) {
            walked = ChainVerification.broken(walked.eventsChecked(), walked.eventsChecked() + 1,
                    "the chain head records event #" + headSeq + " but the last stored event is #"
                            + walked.eventsChecked() + ": events were deleted");
        }
        return AnchorCheck.check(walked, anchors, store);
    }

    @RolesAllowed({Roles.ADMIN, Roles.COMMANDER, Roles.SYSTEM})
    @Transactional(readOnly = true)
    public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
        return store.page(filter, offset, Math.min(limit, 1000));
    }

    @RolesAllowed({Roles.ADMIN, Roles.COMMANDER})
    @Transactional(readOnly = true)
    public long count(AuditFilter filter) {
        return store.count(filter);
    }

    /** Streams matching events, oldest first, one JSON object per line. */
    @RolesAllowed({Roles.ADMIN, Roles.COMMANDER})
    @Transactional(readOnly = true)
    public void exportJsonl(AuditFilter filter, OutputStream out) {
        store.streamWhere(filter, true, e -> write(out, json.writeValueAsString(e) + "\n"));
    }

    /** Streams matching events, oldest first, as RFC 4180 CSV with a header row. */
    @RolesAllowed({Roles.ADMIN, Roles.COMMANDER})
    @Transactional(readOnly = true)
    public void exportCsv(AuditFilter filter, OutputStream out) {
        write(out, "seq,occurred_at,actor,action,subject,details,prev_hash,hash,key_id\r\n");
        store.streamWhere(filter, true, e -> write(out, String.join(",", String.valueOf(e.seq()),
                e.occurredAt().toString(), csv(e.actor()), csv(e.action()), csv(e.subject()), csv(e.details()),
                e.prevHash(), e.hash(), String.valueOf(e.keyId())) + "\r\n"));
    }

    /**
     * RFC 4180 quoting. A cell a spreadsheet would run as a formula (starting with = + - @, tab or CR;
     * an attacker chooses the name typed at login) gets a leading {@code '} (OWASP's advice, issue 16):
     * to check the chain from an export, drop that one character from such cells first.
     */
    static String csv(String value) {
        // a leading ' is prefixed too, so dropping one ' always gives the stored value back
        String v = !value.isEmpty() && "=+-@\t\r'".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static void write(OutputStream out, String text) {
        try {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("audit export interrupted", e);
        }
    }

    /** Published after an append commits, so open audit views can refresh. */
    public record AuditAppended(long seq) implements LiveUpdate {
    }
}
