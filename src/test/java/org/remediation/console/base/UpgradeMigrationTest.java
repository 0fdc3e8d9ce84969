package org.remediation.console.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Migrations carry rows written by the previous release forward, on H2 and on PostgreSQL. */
class UpgradeMigrationTest {

    @Test
    void actionsLinkedToATaskGainThatTasksIncidentOnH2() {
        onH2(UpgradeMigrationTest::actionsLinkedToATaskGainThatTasksIncident);
    }

    @Test
    void actionsLinkedToATaskGainThatTasksIncidentOnPostgres() throws Exception {
        onPostgres(UpgradeMigrationTest::actionsLinkedToATaskGainThatTasksIncident);
    }

    private static void actionsLinkedToATaskGainThatTasksIncident(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            migrate(ds, vendor, "0500");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.update("insert into incident (incident_key, title, severity, status, business_impact, commander, started_at)"
                    + " values ('INC-7', 'Seven', 'P1', 'OPEN', '', 'cmd', current_timestamp)");
            jdbc.update("insert into incident_phase (incident_id, sort_order, phase_key, title, priority, owner_team,"
                    + " supporting_teams, window_start_min, window_end_min, depends_on, rollback_text, escalation_text,"
                    + " validation_text, status) select id, 1, 'p1', 'P', 'P0', 'Infra', '', 0, 30, '', '', '', '', 'ACTIVE'"
                    + " from incident where incident_key = 'INC-7'");
            jdbc.update("insert into incident_task (phase_id, sort_order, task_ref, description, owner)"
                    + " select id, 1, '1.1', 'Scale', 'ops' from incident_phase where phase_key = 'p1'");
            long task = jdbc.queryForObject("select id from incident_task", Long.class);
            insertAction(jdbc, String.valueOf(task));
            insertAction(jdbc, null);

            migrate(ds, vendor, "latest");

            assertThat(jdbc.queryForList("select incident_key from remediation_action order by id", String.class))
                    .containsExactly("INC-7", null);
        }
    }

    @Test
    void manualCriteriaMoveIntoTheOneCriterionTableWithTheirStateOnH2() {
        onH2(UpgradeMigrationTest::manualCriteriaMoveIntoTheOneCriterionTable);
    }

    @Test
    void manualCriteriaMoveIntoTheOneCriterionTableWithTheirStateOnPostgres() throws Exception {
        onPostgres(UpgradeMigrationTest::manualCriteriaMoveIntoTheOneCriterionTable);
    }

    /** V0510: the checklist's copy of criterion state goes; manual criteria keep state, evidence, who and when. */
    private static void manualCriteriaMoveIntoTheOneCriterionTable(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            migrate(ds, vendor, "0501");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.update("insert into incident (incident_key, title, severity, status, business_impact, commander, started_at)"
                    + " values ('INC-8', 'Eight', 'P1', 'OPEN', '', 'cmd', timestamp with time zone '2026-11-25 08:00:00+00')");
            jdbc.update("insert into incident_phase (incident_id, sort_order, phase_key, title, priority, owner_team,"
                    + " supporting_teams, window_start_min, window_end_min, depends_on, rollback_text, escalation_text,"
                    + " validation_text, status) select id, 1, 'p1', 'P', 'P0', 'Infra', '', 0, 30, '', '', '', '', 'ACTIVE'"
                    + " from incident where incident_key = 'INC-8'");
            long phase = jdbc.queryForObject("select id from incident_phase where phase_key = 'p1'", Long.class);
            jdbc.update("insert into incident_criterion (phase_id, sort_order, criterion_key, description, met, evidence,"
                    + " set_by, set_at) values (?, 1, 'qa', 'QA passed the golden path', true, 'ticket QA-42', 'lead',"
                    + " timestamp with time zone '2026-11-25 09:15:00+00')", phase);
            jdbc.update("insert into incident_criterion (phase_id, sort_order, criterion_key, description, measure)"
                    + " values (?, 2, 'fast', 'Backend is fast', 'backend-health p95 < 1000 ms over 15m')", phase);
            jdbc.update("insert into incident_criterion (phase_id, sort_order, criterion_key, description, met, evidence,"
                    + " set_by, set_at) values (?, 3, 'docs', 'Docs updated', false, 'still draft', 'responder',"
                    + " timestamp with time zone '2026-11-25 09:20:00+00')", phase);
            jdbc.update("insert into incident_criterion (phase_id, sort_order, criterion_key, description)"
                    + " values (?, 4, 'comms', 'Customers told')", phase);
            jdbc.update("insert into criterion (incident_key, phase_key, criterion_key, label, definition, manual,"
                    + " position_no, state, state_since, value_text, detail) values ('INC-8', 'p1', 'fast',"
                    + " 'Backend is fast', 'backend-health p95 < 1000 ms over 15m', false, 0, 'MET',"
                    + " timestamp with time zone '2026-11-25 09:00:00+00', '420 ms', '')");
            jdbc.update("insert into criterion (incident_key, phase_key, criterion_key, label, definition, manual,"
                    + " position_no, state, state_since, value_text, detail) values ('INC-8', '', 'kpi',"
                    + " 'A KPI', 'redis up', false, 0, 'NO_DATA', current_timestamp, 'no data', '')");

            migrate(ds, vendor, "latest");

            var rows = jdbc.queryForList("select criterion_key, manual, position_no, state, evidence_note, confirmed_by,"
                    + " confirmed_at, state_since, label, definition, detail from criterion where incident_key = 'INC-8'"
                    + " and phase_key = 'p1' order by position_no");
            assertThat(rows).extracting(r -> r.get("criterion_key")).containsExactly("qa", "fast", "docs", "comms");
            assertThat(rows).extracting(r -> r.get("state")).containsExactly("MET", "MET", "NOT_MET", "NOT_MET");
            var qa = rows.get(0);
            assertThat(qa.get("manual")).isEqualTo(true);
            assertThat(qa.get("label")).isEqualTo("QA passed the golden path");
            assertThat(qa.get("definition")).isEqualTo("manual: QA passed the golden path");
            assertThat(qa.get("evidence_note")).isEqualTo("ticket QA-42");
            assertThat(qa.get("confirmed_by")).isEqualTo("lead");
            assertThat(instant(qa.get("confirmed_at"))).isEqualTo(java.time.Instant.parse("2026-11-25T09:15:00Z"));
            assertThat(instant(qa.get("state_since"))).isEqualTo(java.time.Instant.parse("2026-11-25T09:15:00Z"));
            var docs = rows.get(2);
            assertThat(docs.get("confirmed_by")).isNull();
            assertThat(docs.get("detail")).isEqualTo("marked not met by responder: still draft");
            assertThat(instant(rows.get(3).get("state_since"))).isEqualTo(java.time.Instant.parse("2026-11-25T08:00:00Z"));
            assertThat(jdbc.queryForObject("select count(*) from criterion where incident_key = 'INC-8' and phase_key = ''",
                    Long.class)).isOne();
            // The plan keeps its definition; the mirrored state columns are gone.
            assertThat(jdbc.queryForList("select criterion_key from incident_criterion order by sort_order", String.class))
                    .containsExactly("qa", "fast", "docs", "comms");
            var columns = jdbc.queryForList("select lower(column_name) from information_schema.columns"
                    + " where lower(table_name) = 'incident_criterion'", String.class);
            assertThat(columns).doesNotContain("met", "evidence", "set_by", "set_at").contains("measure", "probe_hint");
        }
    }

    private static java.time.Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : value instanceof java.sql.Timestamp t ? t.toInstant() : java.time.Instant.parse(String.valueOf(value));
    }

    private static void insertAction(JdbcTemplate jdbc, String taskId) {
        jdbc.update("insert into remediation_action (kind, resource_ref, params, desired, reason, task_id, status,"
                + " requested_by, requested_at, approval_required, approval_reasons, preview, preview_fingerprint,"
                + " previewed_at, before_state) values ('HEALTH_CHECK', 'HEALTH_CHECK/global/hc', '{}', '{}', 'why', ?,"
                + " 'SUCCEEDED', 'operator', current_timestamp, false, '', '{}', 'f', current_timestamp, '{}')", taskId);
    }

    private static void migrate(SingleConnectionDataSource ds, String vendor, String target) {
        Flyway.configure().dataSource(ds).target(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
    }

    @Test
    void rollupsOfThePreviousReleaseKeepTheirCountsOnH2() {
        onH2(UpgradeMigrationTest::rollupsOfThePreviousReleaseKeepTheirCounts);
    }

    @Test
    void rollupsOfThePreviousReleaseKeepTheirCountsOnPostgres() throws Exception {
        onPostgres(UpgradeMigrationTest::rollupsOfThePreviousReleaseKeepTheirCounts);
    }

    /** V0502: rollups gain available counts (samples - failures) and histogram columns, empty for old rows. */
    private static void rollupsOfThePreviousReleaseKeepTheirCounts(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            migrate(ds, vendor, "0501");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            jdbc.update("insert into probe_rollup (target_key, minute_start, samples, failures, min_ms, max_ms, p50_ms,"
                    + " p95_ms, p99_ms) values ('api', timestamp '2026-11-29 10:00:00', 6, 2, 10, 900, 50, 800, 900)");

            migrate(ds, vendor, "latest");

            assertThat(jdbc.queryForMap("select samples, failures, available, max_ms, latency_histogram, timing_histograms"
                    + " from probe_rollup where target_key = 'api'")).containsEntry("samples", 6).containsEntry("failures", 2)
                    .containsEntry("available", 4).containsEntry("latency_histogram", null)
                    .containsEntry("timing_histograms", null);
        }
    }

    @Test
    void envCredentialReferencesBecomeSecretReferencesOnH2() {
        onH2(UpgradeMigrationTest::envCredentialReferencesBecomeSecretReferences);
    }

    @Test
    void envCredentialReferencesBecomeSecretReferencesOnPostgres() throws Exception {
        onPostgres(UpgradeMigrationTest::envCredentialReferencesBecomeSecretReferences);
    }

    /** V0523: env:NAME read any environment variable of the console; stored ones become secret:NAME, nothing else changes. */
    private static void envCredentialReferencesBecomeSecretReferences(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            migrate(ds, vendor, "0522");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            String pg = "{\"host\":\"db\",\"user\":\"env:PG_USER\",\"password\":\"env:PG_PASSWORD\",\"query\":\"select 'env:x'\"}";
            String http = "{\"url\":\"http://api/env:health\",\"bodyContains\":\"env:OK\"}";
            jdbc.update("insert into probe_target (target_key, name, kind, settings_json, interval_ms, timeout_ms, enabled,"
                    + " group_tag, version, created_at, updated_at) values ('pg', 'PG', 'POSTGRES', ?, 10000, 2000, true,"
                    + " 'db', 0, current_timestamp, current_timestamp)", pg);
            jdbc.update("insert into probe_target (target_key, name, kind, settings_json, interval_ms, timeout_ms, enabled,"
                    + " group_tag, version, created_at, updated_at) values ('api', 'API', 'HTTP', ?, 10000, 2000, true,"
                    + " 'backend', 0, current_timestamp, current_timestamp)", http);

            migrate(ds, vendor, "latest");

            assertThat(jdbc.queryForObject("select settings_json from probe_target where target_key = 'pg'", String.class))
                    .isEqualTo(pg.replace("env:PG_", "secret:PG_"));
            assertThat(jdbc.queryForObject("select settings_json from probe_target where target_key = 'api'", String.class))
                    .isEqualTo(http);
        }
    }

    /** One upgrade scenario: migrate to the previous release, write its rows, migrate, check them. */
    interface Scenario {
        void run(String url, String user, String vendor);
    }

    @Test
    void metricsOnlyAccountsBecomeServiceAccountsOnH2() {
        onH2(UpgradeMigrationTest::metricsOnlyAccountsBecomeServiceAccounts);
    }

    @Test
    void metricsOnlyAccountsBecomeServiceAccountsOnPostgres() throws Exception {
        onPostgres(UpgradeMigrationTest::metricsOnlyAccountsBecomeServiceAccounts);
    }

    /** V0560: the scrape's METRICS-only accounts become service accounts and keep their password; people stay people. */
    private static void metricsOnlyAccountsBecomeServiceAccounts(String url, String user, String vendor) {
        try (SingleConnectionDataSource ds = new SingleConnectionDataSource(url, user, "", true)) {
            migrate(ds, vendor, "0550");
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            for (String name : new String[] {"scrape", "alice"}) {
                jdbc.update("insert into app_user (username, display_name, password_hash, created_at)"
                        + " values (?, ?, '{bcrypt}x', current_timestamp)", name, name);
            }
            jdbc.update("insert into app_user_role select id, 'METRICS' from app_user where username = 'scrape'");
            jdbc.update("insert into app_user_role select id, 'OPERATOR' from app_user where username = 'alice'");

            migrate(ds, vendor, "latest");

            assertThat(jdbc.queryForList("select username || ':' || kind || ':' || password_hash from app_user"
                    + " where username in ('scrape', 'alice') order by username", String.class))
                    .containsExactly("alice:PERSON:{bcrypt}x", "scrape:SERVICE:{bcrypt}x");
        }
    }

    private static void onH2(Scenario scenario) {
        scenario.run("jdbc:h2:mem:upgrade_" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "h2");
    }

    private static void onPostgres(Scenario scenario) throws Exception {
        assumeTrue(MigrationParityTest.postgresReachable(), "PostgreSQL on 127.0.0.1:5432 is needed for this test");
        String db = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(MigrationParityTest.PG + "postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + db);
        }
        try {
            scenario.run(MigrationParityTest.PG + db, "postgres", "postgresql");
        } finally {
            try (Connection admin = DriverManager.getConnection(MigrationParityTest.PG + "postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        }
    }
}
