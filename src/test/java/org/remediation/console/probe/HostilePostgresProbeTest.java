package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;

/**
 * Hostile (issue 16): a POSTGRES probe pointed at a database with a role that may write there (the
 * console's own, as its owner) tries to rewrite an append-only table the way an attacker would
 * rewrite the audit trail: update it, disable its trigger, escape the read-only transaction. Against
 * the machine's PostgreSQL at 127.0.0.1:5432 (user postgres, a superuser: the worst case).
 */
@Tag("hostile")
class HostilePostgresProbeTest {

    private final String table = "hostile_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void appendOnlyTable() throws SQLException {
        try (Connection c = admin()) {
            c.createStatement().execute("create table " + table + " (seq int primary key, note text not null)");
            c.createStatement().execute("insert into " + table + " values (1, 'original')");
            c.createStatement().execute("create function " + table + "_guard() returns trigger language plpgsql as "
                    + "$$ begin raise exception 'append-only'; end $$");
            c.createStatement().execute("create trigger guard before update or delete on " + table
                    + " for each row execute function " + table + "_guard()");
            // no trigger here: only the read-only transaction (and for the sequence, nothing else) stops a write
            c.createStatement().execute("create table " + table + "_plain (seq int primary key, note text not null)");
            c.createStatement().execute("insert into " + table + "_plain values (1, 'original')");
            c.createStatement().execute("create sequence " + table + "_seq");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = admin()) {
            c.createStatement().execute("drop table if exists " + table);
            c.createStatement().execute("drop table if exists " + table + "_plain");
            c.createStatement().execute("drop sequence if exists " + table + "_seq");
            c.createStatement().execute("drop function if exists " + table + "_guard()");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE %1$s_plain SET note = 'rewritten'",
            "DELETE FROM %1$s_plain",
            "WITH w AS (UPDATE %1$s_plain SET note = 'rewritten' RETURNING 1) SELECT * FROM w",
            "SELECT nextval('%1$s_seq')",
            "ALTER TABLE %1$s DISABLE TRIGGER ALL",
            "DROP TRIGGER guard ON %1$s",
            "SET TRANSACTION READ WRITE",
            "SELECT set_config('transaction_read_only', 'off', true)"})
    void aSingleStatementCannotWrite(String attack) throws SQLException {
        ProbeResult r = run(Map.of("query", attack.formatted(table)));
        assertThat(r.outcome()).as(r.error()).isNotEqualTo(Outcome.UP);
        assertUntouched();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1; UPDATE %s SET note = 'rewritten'",
            "COMMIT; ALTER TABLE %s DISABLE TRIGGER ALL; UPDATE %s SET note = 'rewritten'",
            "SET TRANSACTION READ WRITE; UPDATE %s SET note = 'rewritten'"})
    void severalStatementsAreRefusedWhenSavedAndWhenRun(String attack) throws SQLException {
        String query = attack.formatted(table, table);
        Problems p = new Problems();
        new PostgresProbe().validate(settings(Map.of("query", query)), p);
        assertThat(p.isEmpty()).as(query).isFalse();
        ProbeResult r = run(Map.of("query", query)); // stored before the rule existed
        assertThat(r.errorClass()).isEqualTo("refused");
        assertUntouched();
    }

    @Test
    void theDatabaseIsAnIdentifierNotPartOfTheUrl() {
        Problems p = new Problems();
        new PostgresProbe().validate(settings(Map.of("database", "postgres?socketFactory=evil.Factory")), p);
        assertThat(p.isEmpty()).isFalse();
        assertThat(run(Map.of("database", "postgres?sslmode=disable")).errorClass()).isEqualTo("refused");
        // and the name given is the database connected to
        ProbeResult r = run(Map.of("database", "template1",
                "query", "SELECT 1 / (CASE WHEN current_database() = 'template1' THEN 1 ELSE 0 END)"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
    }

    @Test
    void theQueryRunsUnderAStatementTimeoutOfTheProbesTimeout() {
        // the server-side limit itself (a client-side cancel alone would not survive a stuck client)
        ProbeResult r = new PostgresProbe().run(Loopback.request(settings(Map.of("query",
                "SELECT 1 / (CASE WHEN current_setting('statement_timeout') = '2s' THEN 1 ELSE 0 END)")), Duration.ofSeconds(2)));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
    }

    @Test
    void withoutAPasswordSettingNoPasswordFileOfTheConsoleIsRead() throws Exception {
        java.nio.file.Path pgpass = java.nio.file.Files.createTempFile("pgpass", "");
        java.nio.file.Files.writeString(pgpass, "*:*:*:*:console-own-password\n");
        // where the driver looks first for a password file; the probe must not consult any
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, Loopback.LOCAL)) {
            java.util.concurrent.CompletableFuture<String> sent = new java.util.concurrent.CompletableFuture<>();
            Thread.ofVirtual().start(() -> sent.complete(askForACleartextPassword(server)));
            new PostgresProbe().run(Loopback.request(settings(Map.of("port", String.valueOf(server.getLocalPort()))),
                    Duration.ofSeconds(3)));
            assertThat(sent.get(10, java.util.concurrent.TimeUnit.SECONDS)).doesNotContain("console-own-password");
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
            java.nio.file.Files.deleteIfExists(pgpass);
        }
    }

    /** A server that answers the start-up with "send your password in clear" and returns what came back. */
    private static String askForACleartextPassword(java.net.ServerSocket server) {
        try (java.net.Socket s = server.accept()) {
            s.setSoTimeout(5000);
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            while (true) {
                byte[] message = new byte[in.readInt() - 4];
                in.readFully(message);
                if (message.length == 4 && java.nio.ByteBuffer.wrap(message).getInt() == 80877103) {
                    out.write('N'); // SSLRequest: no TLS here
                    out.flush();
                    continue;
                }
                break; // the StartupMessage
            }
            out.write('R');
            out.writeInt(8);
            out.writeInt(3); // AuthenticationCleartextPassword
            out.flush();
            if (in.read() != 'p') {
                return "";
            }
            byte[] password = new byte[in.readInt() - 4];
            in.readFully(password);
            return new String(password, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private ProbeResult run(Map<String, String> extra) {
        return new PostgresProbe().run(Loopback.request(settings(extra), Duration.ofSeconds(5)));
    }

    private static Map<String, String> settings(Map<String, String> extra) {
        Map<String, String> s = new HashMap<>(Map.of("host", "127.0.0.1", "port", "5432", "database", "postgres",
                "user", "secret:pg-user"));
        s.putAll(extra);
        return s;
    }

    private void assertUntouched() throws SQLException {
        try (Connection c = admin()) {
            var plain = c.createStatement().executeQuery("select count(*), min(note) from " + table + "_plain");
            plain.next();
            assertThat(plain.getInt(1)).isOne();
            assertThat(plain.getString(2)).isEqualTo("original");
            var seq = c.createStatement().executeQuery("select is_called from " + table + "_seq");
            seq.next();
            assertThat(seq.getBoolean(1)).as("the sequence never moved").isFalse();
            var rs = c.createStatement().executeQuery("select note from " + table + " where seq = 1");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("original");
            var trigger = c.createStatement().executeQuery("select tgenabled from pg_trigger where tgname = 'guard' "
                    + "and tgrelid = '" + table + "'::regclass");
            assertThat(trigger.next()).as("the trigger still exists").isTrue();
            assertThat(trigger.getString(1)).as("the trigger is still enabled").isEqualTo("O");
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }
}
