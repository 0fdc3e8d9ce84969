package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Waits;
import org.remediation.console.support.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(roles = "ADMIN")
class AuditServiceTest {

    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void appendedEventsFormAValidChain() {
        long before = audit.count(AuditFilter.all());
        for (int i = 0; i < 20; i++) {
            audit.append("tester", "test.append", "thing:" + i, Map.of("i", i));
        }
        ChainVerification result = audit.verify();
        assertThat(result.valid()).as(result.message()).isTrue();
        assertThat(result.eventsChecked()).isGreaterThanOrEqualTo(before + 20);
    }

    @Test
    void eightConcurrentWritersProduceAGapFreeValidChain() throws Exception {
        long before = audit.count(AuditFilter.all());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    As.user("writer-" + writer, Role.OPERATOR, () -> {
                        for (int i = 0; i < 25; i++) {
                            audit.append("writer-" + writer, "test.concurrent", "n:" + i, "{}");
                        }
                    });
                }));
            }
            for (int w = 0; w < futures.size(); w++) {
                Waits.get(futures.get(w), "writer-" + w + "'s 25 appends");
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> seqs = jdbc.queryForList("select seq from audit_event order by seq", Long.class);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
        assertThat(seqs.size()).isGreaterThanOrEqualTo((int) before + 200);
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void tamperingARowOnH2IsDetectedAtThatRow() {
        assumeFalse(Database.isPostgres(dataSource), "PostgreSQL rejects the UPDATE itself (see the trigger test)");
        AuditEvent victim = null;
        for (int i = 0; i < 3; i++) {
            AuditEvent e = audit.append("tester", "test.tamper", "row:" + i, "{\"amount\":1}");
            if (i == 1) {
                victim = e;
            }
        }
        jdbc.update("update audit_event set details = '{\"amount\":1000}' where seq = ?", victim.seq());
        try {
            ChainVerification result = audit.verify();
            assertThat(result.valid()).isFalse();
            assertThat(result.firstBrokenSeq()).isEqualTo(victim.seq());
            assertThat(result.message()).contains("#" + victim.seq());
        } finally {
            jdbc.update("update audit_event set details = ? where seq = ?", victim.details(), victim.seq());
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void postgresRejectsUpdateAndDeleteOfAuditEvents() {
        assumeTrue(Database.isPostgres(dataSource), "the append-only trigger exists on PostgreSQL only");
        AuditEvent e = audit.append("tester", "test.trigger", "row", "{}");
        // as the owner the trigger refuses; as a role that owns nothing (.ci/run) the grants refuse first
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'mallory' where seq = ?", e.seq()))
                .satisfies(x -> assertThat(HostileAuditRoleTest.messages(x)).containsAnyOf("append-only", "permission denied"));
        assertThatThrownBy(() -> jdbc.update("delete from audit_event where seq = ?", e.seq()))
                .satisfies(x -> assertThat(HostileAuditRoleTest.messages(x)).containsAnyOf("append-only", "permission denied"));
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void exportsStreamEveryMatchingEvent() {
        audit.append("exporter", "test.export", "csv:\"quoted\", comma", "{\"k\":\"v\"}");
        audit.append("exporter", "test.export", "second", "{}");
        AuditFilter onlyExporter = new AuditFilter("exporter", null, null, null, null);
        ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
        audit.exportJsonl(onlyExporter, jsonl);
        String[] lines = jsonl.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("\"actor\":\"exporter\"").contains("\"hash\"");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        audit.exportCsv(onlyExporter, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text.split("\r\n")).hasSize(3);
        assertThat(text).contains("\"csv:\"\"quoted\"\", comma\"");
    }

    /** Hostile (issue 16): a name typed at login that a spreadsheet would run as a formula is exported inert. */
    @org.junit.jupiter.api.Tag("hostile")
    @Test
    void formulaCellsAreNeutralisedInTheCsvExport() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
            assertThat(AuditService.csv(formula)).as(formula).startsWith("\"'");
        }
        assertThat(AuditService.csv("alice")).isEqualTo("\"alice\"");
        assertThat(AuditService.csv("'=1")).as("a typed ' cannot pass for the prefix").isEqualTo("\"''=1\"");
        assertThat(AuditService.csv("{\"a\":1}")).isEqualTo("\"{\"\"a\"\":1}\"");
    }

    @Test
    void filtersNarrowTheTrail() {
        audit.append("filter-alice", "test.filter.one", "x", "{}");
        audit.append("filter-bob", "test.filter.two", "y", "{}");
        assertThat(audit.find(new AuditFilter("filter-al", null, null, null, null), 0, 50))
                .extracting(AuditEvent::actor).containsOnly("filter-alice");
        assertThat(audit.count(new AuditFilter(null, "test.filter.", null, null, null))).isEqualTo(2);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void aViewerCannotReadOrVerifyTheTrail() {
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.find(AuditFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.exportCsv(AuditFilter.all(), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
