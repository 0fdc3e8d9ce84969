package org.remediation.console.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before anything is audited at start: the key is loaded (or generated) so a bad key file refuses the
 * start; an anchor left by an earlier database at this location is set aside when this one's trail is
 * empty (a database deleted to start over, README); on PostgreSQL, one WARN line when the console runs
 * as a role that could disable the append-only trigger.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditStartup.class);

    private final AuditKeySource keys;
    private final AuditAnchors anchors;
    private final AuditStore store;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditProperties properties;

    AuditStartup(AuditKeySource keys, AuditAnchors anchors, AuditStore store, JdbcTemplate jdbc, Clock clock,
                 AuditProperties properties) {
        this.properties = properties;
        this.keys = keys;
        this.anchors = anchors;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.keys();
        boolean postgres = onPostgres();
        try {
            var anchor = anchors.latest();
            if (store.headSeq() == 0 && anchor.isPresent() && postgres) {
                // a production database is not deleted to start over: an emptied trail is tampering until
                // an operator moves the anchor away (docs/security.md), so verify() keeps reporting it
                log.error("The audit trail is empty but {} anchored event #{}: the trail was wiped. verify() reports it "
                        + "until the anchor file is moved away by an operator who knows why", anchors.file(), anchor.get().seq());
            } else if (store.headSeq() == 0 && anchor.isPresent()) {
                log.warn("The audit trail is empty but {} anchored event #{} of a database at this location: taken for a new"
                        + " database (if it was not recreated on purpose, its audit trail was wiped); old anchor kept as {}",
                        anchors.file(), anchor.get().seq(), anchors.setAside(clock.instant()));
            }
        } catch (IllegalStateException e) {
            log.error("{} (verify() reports the chain as broken until it is fixed or removed)", e.getMessage());
        }
        if (postgres && (properties.anchorWebhook() == null || properties.anchorWebhook().isBlank())) {
            log.warn("Audit anchors go only to this log and {}: set CONSOLE_AUDIT_ANCHOR_WEBHOOK (or keep that directory on "
                    + "persistent storage), or a database owner who rewrites the whole trail is caught only by the log lines",
                    anchors.file());
        }
        if (ownsTheAuditTable()) {
            log.warn("The console runs as the owner of audit_event (or a superuser) and could disable its append-only"
                    + " trigger: run it as a role that does not own the tables, migrations as the owner"
                    + " (DATABASE_MIGRATION_USER, docs/security.md)");
        }
    }

    private boolean onPostgres() {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    private boolean ownsTheAuditTable() {
        Boolean owner = jdbc.execute((java.sql.Connection c) -> {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                return false;
            }
            try (var rs = c.createStatement().executeQuery("select coalesce((select tableowner = current_user from pg_tables"
                    + " where schemaname = current_schema() and tablename = 'audit_event'), false)"
                    + " or (select rolsuper from pg_roles where rolname = current_user)")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
        return Boolean.TRUE.equals(owner);
    }
}
