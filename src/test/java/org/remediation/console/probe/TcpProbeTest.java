package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TcpProbeTest extends ProbeContract {

    @Override
    Probe probe() {
        return new TcpProbe();
    }

    @Override
    Map<String, String> healthy() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.silentTcpPort()));
    }

    @Override
    Map<String, String> unreachable() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.closedPort()));
    }

    @Override
    Map<String, String> hung() throws IOException {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(Loopback.saturatedPort()));
    }

    @Test
    void refusedConnectionIsNamed() throws IOException {
        ProbeResult r = run(unreachable());
        assertThat(r.errorClass()).isEqualTo("connection-refused");
        assertThat(r.error()).contains("refused");
    }

    @Test
    void recordsConnectTime() throws IOException {
        assertThat(run(healthy()).measurements()).containsKey("connectMs");
    }
}
