package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.probe.DnsProbe;
import org.remediation.console.probe.Outcome;
import org.remediation.console.probe.ProbeRequest;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.TlsProbe;

/**
 * The DNS and TLS stand-ins the demo targets dns-staging and tls-staging probe: red while the
 * simulated connector is saturated (3 × e2-micro), green after the scale-up (10 × e2-micro), and only
 * on loopback. Each case runs ten probes, as a "p95 < 2 s" or "p95 < 10 s" criterion would judge them.
 */
class SandboxStandInsTest {

    private static final int RUNS = 10;

    @TempDir
    Path dir;

    @Test
    void dnsIsRedWhileTheConnectorIsSaturated() {
        List<ProbeResult> runs = dns(SandboxLoadCheckTest.connector(3, "e2-micro"));
        assertThat(runs).anySatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(r.measurements()).containsEntry("rcode", "SERVFAIL");
        });
        assertThat(fastSuccesses(runs, 2000)).as("runs answered in under 2 s").isLessThan(RUNS * 95 / 100);
    }

    @Test
    void dnsIsGreenAfterTheScaleUp() {
        List<ProbeResult> runs = dns(SandboxLoadCheckTest.connector(10, "e2-micro"));
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
            assertThat(r.measurements()).containsEntry("answers", List.of("127.0.0.1"));
        });
        assertThat(fastSuccesses(runs, 2000)).isEqualTo(RUNS);
    }

    @Test
    void bothAnswerOnlyTheStagingHostAndListenOnlyOnLoopback() {
        EndpointSimulator healthy = new EndpointSimulator(SandboxLoadCheckTest.connector(10, "e2-micro"), SandboxLoadCheckTest.FAST);
        DnsStandIn dns = new DnsStandIn(healthy, 0);
        TlsStandIn tls = new TlsStandIn(healthy, 0, dir.resolve("ca.pem"), Clock.systemUTC());
        dns.start();
        tls.start();
        try {
            assertThat(dns.address().getAddress().isLoopbackAddress()).isTrue();
            assertThat(tls.address().getAddress().isLoopbackAddress()).isTrue();
            ProbeResult other = new DnsProbe().run(request(Map.of("name", "elsewhere.example", "server", "127.0.0.1",
                    "serverPort", String.valueOf(dns.port()))));
            assertThat(other.errorClass()).isEqualTo("nxdomain");
            ProbeResult wrongHost = new TlsProbe().run(request(Map.of("host", "127.0.0.1", "port", String.valueOf(tls.port()),
                    "serverName", "elsewhere.example", "caFile", dir.resolve("ca.pem").toString())));
            assertThat(wrongHost.errorClass()).isEqualTo("hostname-mismatch");
        } finally {
            dns.stop();
            tls.stop();
        }
        assertThat(dns.isRunning()).isFalse();
        assertThat(tls.isRunning()).isFalse();
    }

    @Test
    void tlsIsRedWhileTheConnectorIsSaturated() {
        List<ProbeResult> runs = tls(SandboxLoadCheckTest.connector(3, "e2-micro"));
        assertThat(runs).anySatisfy(r -> assertThat(r.outcome().isFailure()).isTrue());
        assertThat(fastSuccesses(runs, 10_000)).as("handshakes validated in under 10 s").isLessThan(RUNS * 95 / 100);
    }

    @Test
    void tlsIsGreenAfterTheScaleUpWithAValidCertificateForTheStagingHost() {
        List<ProbeResult> runs = tls(SandboxLoadCheckTest.connector(10, "e2-micro"));
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
            assertThat(r.measurements()).containsEntry("chainValid", true).containsEntry("hostnameMatch", true)
                    .containsEntry("selfSigned", false);
            assertThat((long) r.measurements().get("daysToExpiry")).isBetween(58L, 60L);
        });
        assertThat(fastSuccesses(runs, 10_000)).isEqualTo(RUNS);
    }

    @Test
    void withoutTheGeneratedCaTheCertificateIsNotTrusted() {
        TlsStandIn tls = new TlsStandIn(new EndpointSimulator(SandboxLoadCheckTest.connector(10, "e2-micro"),
                SandboxLoadCheckTest.FAST), 0, dir.resolve("ca.pem"), Clock.systemUTC());
        tls.start();
        try {
            ProbeResult r = new TlsProbe().run(request(Map.of("host", "127.0.0.1", "port", String.valueOf(tls.port()),
                    "serverName", DnsStandIn.HOST)));
            assertThat(r.errorClass()).isEqualTo("untrusted-chain");
        } finally {
            tls.stop();
        }
    }

    private List<ProbeResult> dns(SandboxStore store) {
        DnsStandIn dns = new DnsStandIn(new EndpointSimulator(store, SandboxLoadCheckTest.FAST), 0);
        dns.start();
        try {
            return runs(port -> new DnsProbe().run(request(Map.of("name", DnsStandIn.HOST, "server", "127.0.0.1",
                    "serverPort", String.valueOf(port), "degradedAboveMs", "2000"))), dns.port());
        } finally {
            dns.stop();
        }
    }

    private List<ProbeResult> tls(SandboxStore store) {
        Path ca = dir.resolve("sandbox-ca.pem");
        TlsStandIn tls = new TlsStandIn(new EndpointSimulator(store, SandboxLoadCheckTest.FAST), 0, ca, Clock.systemUTC());
        tls.start();
        try {
            assertThat(ca).exists();
            return runs(port -> new TlsProbe().run(request(Map.of("host", "127.0.0.1", "port", String.valueOf(port),
                    "serverName", DnsStandIn.HOST, "caFile", ca.toString()))), tls.port());
        } finally {
            tls.stop();
        }
    }

    private static List<ProbeResult> runs(Function<Integer, ProbeResult> once, int port) {
        assertThat(port).isPositive();
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            results.add(once.apply(port));
        }
        return results;
    }

    /** Runs that succeeded under the threshold: the good events of a latency criterion. */
    private static long fastSuccesses(List<ProbeResult> runs, long thresholdMs) {
        return runs.stream().filter(r -> !r.outcome().isFailure() && r.durationMs() < thresholdMs).count();
    }

    private static ProbeRequest request(Map<String, String> settings) {
        return new ProbeRequest("stand-in", settings, Duration.ofSeconds(5), ref -> "", Clock.systemUTC());
    }

}
