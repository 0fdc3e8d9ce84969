package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsProbeTest extends ProbeContract {

    static TlsTestServer valid;
    static TlsTestServer expired;
    static TlsTestServer wrongHost;
    static TlsTestServer selfSigned;
    static TlsTestServer expiringSoon;
    static String caFile;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.Issued ca = TestCertificates.ca();
        caFile = TestCertificates.pem(ca.cert()).toString();
        valid = new TlsTestServer(TestCertificates.leaf(ca, "localhost", Duration.ofDays(-1), Duration.ofDays(90)));
        expired = new TlsTestServer(TestCertificates.leaf(ca, "localhost", Duration.ofDays(-100), Duration.ofDays(-10)));
        wrongHost = new TlsTestServer(TestCertificates.leaf(ca, "other.example", Duration.ofDays(-1), Duration.ofDays(90)));
        selfSigned = new TlsTestServer(TestCertificates.selfSigned("localhost"));
        expiringSoon = new TlsTestServer(TestCertificates.leaf(ca, "localhost", Duration.ofDays(-1), Duration.ofDays(5)));
    }

    @AfterAll
    static void stop() throws IOException {
        for (TlsTestServer s : new TlsTestServer[] {valid, expired, wrongHost, selfSigned, expiringSoon}) {
            s.close();
        }
    }

    static Map<String, String> at(TlsTestServer s) {
        return Map.of("host", "127.0.0.1", "port", String.valueOf(s.port()), "serverName", "localhost", "caFile", caFile);
    }

    @Override
    Probe probe() {
        return new TlsProbe();
    }

    @Override
    Map<String, String> healthy() {
        return at(valid);
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
    void validCertificateReportsExpiryIssuerAndChecks() {
        ProbeResult r = run(healthy());
        assertThat(r.measurements()).containsKeys("handshakeMs", "notAfter")
                .containsEntry("hostnameMatch", true).containsEntry("chainValid", true);
        assertThat((long) r.measurements().get("daysToExpiry")).isBetween(88L, 90L);
        assertThat((String) r.measurements().get("issuer")).contains("Probe Test CA");
    }

    @Test
    void expiredCertificateIsItsOwnResult() {
        ProbeResult r = run(at(expired));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("cert-expired");
        assertThat((long) r.measurements().get("daysToExpiry")).isNegative();
    }

    @Test
    void wrongHostIsItsOwnResult() {
        ProbeResult r = run(at(wrongHost));
        assertThat(r.errorClass()).isEqualTo("hostname-mismatch");
        assertThat(r.measurements()).containsEntry("hostnameMatch", false).containsEntry("chainValid", true);
    }

    @Test
    void selfSignedIsItsOwnResult() {
        ProbeResult r = run(at(selfSigned));
        assertThat(r.errorClass()).isEqualTo("self-signed");
        assertThat(r.measurements()).containsEntry("chainValid", false).containsEntry("hostnameMatch", true);
    }

    @Test
    void certificateCloseToExpiryIsDegraded() {
        ProbeResult r = run(at(expiringSoon));
        assertThat(r.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(r.errorClass()).isEqualTo("expires-soon");
    }

    @Test
    void httpsProbeMeasuresTheTlsPhase() {
        ProbeResult r = new HttpProbe().run(Loopback.request(
                Map.of("url", "https://127.0.0.1:" + valid.port() + "/", "insecure", "true"), TIMEOUT));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.measurements()).containsKeys("dnsMs", "connectMs", "tlsMs", "ttfbMs", "totalMs");
    }

    @Test
    void httpsProbeRejectsAnUntrustedCertificateByDefault() {
        ProbeResult r = new HttpProbe().run(Loopback.request(Map.of("url", "https://127.0.0.1:" + selfSigned.port() + "/"), TIMEOUT));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("tls");
    }
}
