package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the machine's PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth). */
class PostgresProbeTest extends ProbeContract {

    @Override
    Probe probe() {
        return new PostgresProbe();
    }

    @Override
    Map<String, String> healthy() {
        return Map.of("host", "127.0.0.1", "port", "5432", "database", "postgres", "user", "secret:pg-user");
    }

    @Override
    Map<String, String> unreachable() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.closedPort()), "database", "postgres",
                "user", "secret:pg-user");
    }

    @Override
    Map<String, String> hung() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.silentTcpPort()), "database", "postgres",
                "user", "secret:pg-user");
    }

    @Test
    void connectAndQueryTimesAreSeparate() {
        ProbeResult r = run(healthy());
        assertThat(r.measurements()).containsKeys("connectMs", "queryMs");
    }

    @Test
    void slowQueryTimesOutAfterConnecting() {
        ProbeResult r = run(Map.of("host", "127.0.0.1", "database", "postgres", "user", "secret:pg-user",
                "query", "SELECT pg_sleep(5)"));
        assertThat(r.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.measurements()).containsKey("connectMs").doesNotContainKey("queryMs");
    }

    @Test
    void brokenQueryIsDownWithTheSqlState() {
        ProbeResult r = run(Map.of("host", "127.0.0.1", "database", "postgres", "user", "secret:pg-user",
                "query", "SELECT * FROM no_such_table_for_probe"));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("sql-42P01");
    }
}
