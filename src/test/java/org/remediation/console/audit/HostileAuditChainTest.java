package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Hostile (issue 16): whoever can write the audit table rewrites history the way the plain SHA-256
 * chain allowed, re-hashing the rest of the chain, or cuts its tail; an event names a key nobody has.
 * On H2 (PostgreSQL refuses these writes to the console's role: {@code HostileAuditRoleTest}). Each test
 * puts the rows, the head and the anchor back, so the chain is whole again for the next one.
 */
@Tag("hostile")
@SpringBootTest(properties = "console.audit.anchor-interval=2h") // a context (and database) of its own
@WithMockUser(roles = "ADMIN")
class HostileAuditChainTest {

    @Autowired
    AuditService audit;
    @Autowired
    AnchorJob anchorJob;
    @Autowired
    AuditAnchors anchors;
    @Autowired
    AuditStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private List<AuditEvent> original;
    private byte[] originalAnchor;

    @BeforeEach
    void chainOfOurOwn() throws Exception {
        assumeFalse(Database.isPostgres(dataSource), "PostgreSQL refuses these writes (HostileAuditRoleTest)");
        for (int i = 0; i < 6; i++) {
            audit.append("tester", "test.hostile", "row:" + i, "{\"amount\":" + i + "}");
        }
        original = new ArrayList<>();
        store.streamAll(original::add);
        originalAnchor = Files.exists(anchors.file()) ? Files.readAllBytes(anchors.file()) : null;
        assertThat(audit.verify().valid()).as(audit.verify().message()).isTrue();
    }

    @AfterEach
    void putItBack() throws Exception {
        if (original == null) {
            return;
        }
        jdbc.update("delete from audit_event");
        original.forEach(store::insert);
        AuditEvent last = original.getLast();
        store.moveHead(last.seq(), last.hash());
        if (originalAnchor != null) {
            Files.write(anchors.file(), originalAnchor);
        } else {
            Files.deleteIfExists(anchors.file());
        }
        assertThat(audit.verify().valid()).as(audit.verify().message()).isTrue();
    }

    @Test
    void aRewriteReHashedToTheEndWithPlainSha256IsDetectedAtTheRewrittenEvent() {
        AuditEvent victim = original.get(original.size() - 4);
        rewriteFrom(victim.seq(), "{\"amount\":1000}", false);
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
        assertThat(result.message()).contains("#" + victim.seq());
    }

    @Test
    void aRewriteThatAlsoClaimsTheEventsWereWrittenBeforeKeysExistedIsDetected() {
        AuditEvent victim = original.get(original.size() - 4);
        rewriteFrom(victim.seq(), "{\"amount\":1000}", true);
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
        assertThat(result.message()).contains("without a key after keyed events");
    }

    /** Review finding: the whole trail re-hashed as unkeyed events leaves no keyed event to contradict it; the anchor does. */
    @Test
    void theWholeTrailRewrittenAsUnkeyedEventsIsDetectedAtTheAnchor() {
        AuditAnchors.Anchor anchor = anchorJob.anchor("test").orElseThrow();
        rewriteFrom(1, original.getFirst().details(), true);
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(anchor.seq());
        assertThat(result.message()).contains("anchored");
    }

    @Test
    void cuttingTheTailAfterAnAnchorIsDetectedAndTheAnchorIsNotMoved() {
        AuditAnchors.Anchor anchor = anchorJob.anchor("test").orElseThrow();
        assertThat(anchor.seq()).isEqualTo(original.getLast().seq());
        long cut = anchor.seq() - 2;
        jdbc.update("delete from audit_event where seq >= ?", cut);
        AuditEvent newLast = original.stream().filter(e -> e.seq() == cut - 1).findFirst().orElseThrow();
        store.moveHead(newLast.seq(), newLast.hash());
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(anchor.seq());
        assertThat(result.message()).contains("#" + anchor.seq()).contains("missing");
        assertThat(anchorJob.anchor("test")).as("a new anchor would bless the cut").isEmpty();
    }

    @Test
    void evenTheKeyHolderCannotRewriteAnAnchoredEventUnnoticed() {
        anchorJob.anchor("test").orElseThrow();
        AuditEvent victim = original.get(original.size() - 3);
        rewriteWithTheKey(victim.seq());
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.message()).contains("anchored").contains("rewritten");
    }

    @Test
    void anEventSignedWithAnUnknownKeyIdFailsClearly() {
        AuditEvent victim = original.get(original.size() - 2);
        jdbc.update("update audit_event set key_id = 7 where seq = ?", victim.seq());
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
        assertThat(result.message()).contains("key id 7, which is not configured").contains("CONSOLE_AUDIT_KEY");
    }

    /** The old attack: change one event, re-hash it and every later one with plain SHA-256, move the head. */
    private void rewriteFrom(long seq, String details, boolean claimPlain) {
        String prev = seq == 1 ? AuditChain.GENESIS
                : original.stream().filter(e -> e.seq() == seq - 1).findFirst().map(AuditEvent::hash).orElseThrow();
        for (AuditEvent e : original.stream().filter(e -> e.seq() >= seq).toList()) {
            String d = e.seq() == seq ? details : e.details();
            String hash = AuditChain.hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), d, prev);
            jdbc.update("update audit_event set details = ?, prev_hash = ?, hash = ?, key_id = ? where seq = ?", d, prev, hash,
                    claimPlain ? 0 : e.keyId(), e.seq());
            prev = hash;
        }
        jdbc.update("update audit_head set last_hash = ? where id = 1", prev);
    }

    /** The same with the key itself: only the anchor, kept outside the database, still knows. */
    private void rewriteWithTheKey(long seq) {
        AuditKeys keys = AuditKeys.parse("1:cmVtZWRpYXRpb24tY29uc29sZS10ZXN0LWtleS0wMDE=", "test");
        String prev = original.stream().filter(e -> e.seq() == seq - 1).findFirst().map(AuditEvent::hash).orElseThrow();
        for (AuditEvent e : original.stream().filter(e -> e.seq() >= seq).toList()) {
            String actor = e.seq() == seq ? "mallory" : e.actor();
            String hash = AuditChain.hmac(keys.mac(1), e.seq(), e.occurredAt(), actor, e.action(), e.subject(), e.details(), prev);
            jdbc.update("update audit_event set actor = ?, prev_hash = ?, hash = ? where seq = ?", actor, prev, hash, e.seq());
            prev = hash;
        }
        jdbc.update("update audit_head set last_hash = ? where id = 1", prev);
    }
}
