package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
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
        // Long enough that connecting (milliseconds on loopback) never uses it up on a loaded machine;
        // the query sleeps ten times as long. The statement timeout or the socket timeout ends it, both
        // set to this timeout, whichever fires first.
        Duration timeout = Duration.ofSeconds(3);
        ProbeResult r = run(Map.of("host", "127.0.0.1", "database", "postgres", "user", "secret:pg-user",
                "query", "SELECT pg_sleep(30)"), timeout);
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.TIMEOUT);
        assertThat(r.error()).contains("within " + timeout.toMillis() + " ms");
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
