package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
 * chain allowed, re-hashing the rest of the chain; an event names a key nobody has.
 * On H2 (PostgreSQL refuses these writes to the console's role: {@code HostileAuditRoleTest}). Each test
 * puts the rows and the head back, so the chain is whole again for the next one.
 */
@Tag("hostile")
@SpringBootTest(properties = "console.audit.key-file=unused") // a context (and database) of its own
@WithMockUser(roles = "ADMIN")
class HostileAuditChainTest {

    @Autowired
    AuditService audit;
    @Autowired
    AuditStore store;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    private List<AuditEvent> original;

    @BeforeEach
    void chainOfOurOwn() throws Exception {
        assumeFalse(Database.isPostgres(dataSource), "PostgreSQL refuses these writes (HostileAuditRoleTest)");
        for (int i = 0; i < 6; i++) {
            audit.append("tester", "test.hostile", "row:" + i, "{\"amount\":" + i + "}");
        }
        original = new ArrayList<>();
        store.streamAll(original::add);
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
        String prev = original.stream().filter(e -> e.seq() == seq - 1).findFirst().map(AuditEvent::hash).orElseThrow();
        for (AuditEvent e : original.stream().filter(e -> e.seq() >= seq).toList()) {
            String d = e.seq() == seq ? details : e.details();
            String hash = AuditChain.hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), d, prev);
            jdbc.update("update audit_event set details = ?, prev_hash = ?, hash = ?, key_id = ? where seq = ?", d, prev, hash,
                    claimPlain ? 0 : e.keyId(), e.seq());
            prev = hash;
        }
        jdbc.update("update audit_head set last_hash = ? where id = 1", prev);
    }
}
