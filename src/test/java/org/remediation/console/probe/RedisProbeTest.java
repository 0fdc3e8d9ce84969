package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against the machine's Redis at 127.0.0.1:6379 (no password). */
class RedisProbeTest extends ProbeContract {

    @Override
    Probe probe() {
        return new RedisProbe();
    }

    @Override
    Map<String, String> healthy() {
        return Map.of("host", "127.0.0.1", "port", "6379");
    }

    @Override
    Map<String, String> unreachable() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.closedPort()));
    }

    @Override
    Map<String, String> hung() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.silentTcpPort()));
    }

    @Test
    void connectAndCommandTimesAreSeparate() {
        assertThat(run(healthy()).measurements()).containsKeys("connectMs", "commandMs");
    }

    @Test
    void unresolvableCredentialIsAnErrorNamingTheReference() {
        ProbeResult r = run(Map.of("host", "127.0.0.1", "port", "6379", "password", "secret:nope"));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("missing-credential");
        assertThat(r.error()).contains("secret:nope");
    }

    @Test
    void rejectedAuthIsDown() {
        ProbeResult r = new RedisProbe().run(new ProbeRequest("t", Map.of("host", "127.0.0.1", "password", "secret:x"),
                TIMEOUT, ref -> "wrong-password", java.time.Clock.systemUTC()));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("auth-failed");
        assertThat(r.error()).doesNotContain("wrong-password");
    }
}
