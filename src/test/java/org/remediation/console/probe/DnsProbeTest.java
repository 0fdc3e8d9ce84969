package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** localhost through the hosts file; other names through a loopback DNS responder (no network here). */
class DnsProbeTest extends ProbeContract {

    static DnsResponder responder;

    @BeforeAll
    static void start() throws IOException {
        responder = new DnsResponder();
    }

    @AfterAll
    static void stop() {
        responder.close();
    }

    @Override
    Probe probe() {
        return new DnsProbe();
    }

    @Override
    Map<String, String> healthy() {
        return Map.of("name", "localhost");
    }

    @Override
    Map<String, String> unreachable() {
        return Map.of("name", "does-not-exist.test", "server", "127.0.0.1", "serverPort", String.valueOf(responder.port()));
    }

    @Override
    Map<String, String> hung() throws IOException {
        return Map.of("name", "known.test", "server", "127.0.0.1", "serverPort", String.valueOf(Loopback.silentUdpPort()));
    }

    @Test
    void localhostResolvesThroughTheHostsFile() {
        ProbeResult r = run(healthy());
        assertThat(r.measurements()).containsKey("resolveMs");
        assertThat(r.measurements().get("answers").toString()).contains("127.0.0.1");
    }

    @Test
    void answersFromAServerAreRecorded() {
        ProbeResult r = run(Map.of("name", "known.test", "server", "127.0.0.1", "serverPort", String.valueOf(responder.port())));
        assertThat(r.outcome()).isEqualTo(Outcome.UP);
        assertThat(r.measurements().get("answers").toString()).contains("10.1.2.3");
    }

    @Test
    void nxdomainAndTimeoutAreDistinct() throws IOException {
        ProbeResult nx = run(unreachable());
        ProbeResult silent = run(hung(), HUNG_TIMEOUT);
        assertThat(nx.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(nx.errorClass()).isEqualTo("nxdomain");
        assertThat(nx.error()).contains("does not exist");
        assertThat(silent.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(silent.errorClass()).isEqualTo("timeout");
    }
}
