package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remediation.console.base.Problems;
import org.remediation.console.base.SettingException;
import org.remediation.console.base.egress.EgressPolicy;

/**
 * Hostile (issue 16): targets aimed at the cloud metadata server, which hands out the console's
 * service-account token to any request with {@code Metadata-Flavor: Google}, and at addresses an
 * operator has fenced off. Every probe kind resolves through the egress policy and connects only to
 * the address it checked; a capturing server on loopback proves that a refused run never connects.
 */
@Tag("hostile")
class HostileEgressTest {

    /** Loopback fenced off, as an operator would fence off an internal network. */
    private static final EgressPolicy NO_LOOPBACK = EgressPolicy.of("", "127.0.0.0/8,::1/128");

    private HostileCredentialTest.Capture capture;

    @AfterEach
    void close() throws Exception {
        if (capture != null) {
            capture.server().close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "::ffff:169.254.169.254", "::a9fe:a9fe", "64:ff9b::a9fe:a9fe",
            "64:ff9b:1::a9fe:a9fe", "fe80::1", "0.0.0.0", "::", "fd20:ce::254", "fd00:ec2::254", "100.100.100.200"})
    void theMetadataServerAndLinkLocalAndUnspecifiedAddressesAreRefusedAlways(String address) throws Exception {
        assertThat(EgressPolicy.DEFAULT.allows(InetAddress.getByName(address))).as(address).isFalse();
        assertThat(EgressPolicy.of("0.0.0.0/0,::/0", "").allows(InetAddress.getByName(address))).as("even when allowed: " + address)
                .isFalse();
    }

    @Test
    void loopbackAndOrdinaryAddressesAreAllowedByDefault() throws Exception {
        assertThat(EgressPolicy.DEFAULT.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(EgressPolicy.DEFAULT.allows(InetAddress.getByName("::1"))).isTrue();
        assertThat(EgressPolicy.DEFAULT.allows(InetAddress.getByName("10.20.30.40"))).isTrue();
    }

    @Test
    void anAllowListAdmitsOnlyItsBlocksAndADenyListWins() throws Exception {
        EgressPolicy p = EgressPolicy.of("10.0.0.0/8", "10.9.0.0/16");
        assertThat(p.allows(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(p.allows(InetAddress.getByName("10.9.2.3"))).isFalse();
        assertThat(p.allows(InetAddress.getByName("192.168.1.1"))).isFalse();
        assertThat(EgressPolicy.fromSpec(p.spec()).allows(InetAddress.getByName("10.9.2.3"))).isFalse();
    }

    @Test
    void aMalformedBlockRefusesTheStartWithOneLine() {
        assertThatThrownBy(() -> EgressPolicy.of("", "10.0.0.0/33")).isInstanceOf(SettingException.class)
                .hasMessage("console.egress.deny: '10.0.0.0/33' is not an address block; write blocks like 10.0.0.0/8 "
                        + "or fd00::/8, separated by commas");
        assertThatThrownBy(() -> EgressPolicy.of("internal.example.com", "")).isInstanceOf(SettingException.class)
                .hasMessageStartingWith("console.egress.allow: 'internal.example.com' is not an address block");
    }

    @Test
    void theHttpProbeNeverAsksTheMetadataServer() {
        ProbeResult r = new HttpProbe().run(request(Map.of("url",
                "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token"), EgressPolicy.DEFAULT));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("egress-denied");
        assertThat(r.error()).contains("169.254.169.254").contains("metadata");
    }

    @Test
    void theMetadataFlavorHeaderIsRefusedWhenSavedAndWhenRun() throws Exception {
        Problems p = new Problems();
        new HttpProbe().validate(Map.of("url", "http://127.0.0.1/", "headers", "Metadata-Flavor: Google"), p);
        assertThat(p.isEmpty()).isFalse();
        capture = HostileCredentialTest.Capture.start();
        ProbeResult r = new HttpProbe().run(request(Map.of("url", "http://127.0.0.1:" + capture.port() + "/",
                "headers", "Metadata-Flavor: Google"), EgressPolicy.DEFAULT));
        assertThat(r.errorClass()).isEqualTo("refused-setting");
        assertThat(capture.connectionsBesidesASentinel()).isZero();
    }

    @Test
    void everyProbeKindConnectsOnlyWhereThePolicyAllows() throws Exception {
        capture = HostileCredentialTest.Capture.start();
        String port = capture.port();
        Map<Probe, Map<String, String>> runs = Map.of(
                new HttpProbe(), Map.of("url", "http://localhost:" + port + "/"),
                new TcpProbe(), Map.of("host", "127.0.0.1", "port", port),
                new RedisProbe(), Map.of("host", "127.0.0.1", "port", port),
                new TlsProbe(), Map.of("host", "127.0.0.1", "port", port),
                new PostgresProbe(), Map.of("host", "127.0.0.1", "port", port, "database", "postgres", "user", "secret:pg-user"),
                new WebSocketProbe(), Map.of("url", "ws://127.0.0.1:" + port + "/"),
                new PrometheusProbe(), Map.of("url", "http://127.0.0.1:" + port, "query", "up"));
        runs.forEach((probe, settings) -> {
            ProbeResult r = probe.run(request(settings, NO_LOOPBACK));
            assertThat(r.errorClass()).as(probe.kind() + ": " + r.error()).isEqualTo("egress-denied");
        });
        assertThat(capture.connectionsBesidesASentinel()).as("connections the probes opened").isZero();
        try (java.net.DatagramSocket udp = new java.net.DatagramSocket(new java.net.InetSocketAddress(Loopback.LOCAL, 0))) {
            ProbeResult dns = new DnsProbe().run(request(Map.of("name", "example.com", "server", "127.0.0.1",
                    "serverPort", String.valueOf(udp.getLocalPort())), NO_LOOPBACK));
            assertThat(dns.errorClass()).as(dns.error()).isEqualTo("egress-denied");
            udp.setSoTimeout(300); // a query sent before the refusal would already be waiting here
            assertThatThrownBy(() -> udp.receive(new java.net.DatagramPacket(new byte[512], 512)))
                    .as("no DNS query reached the server").isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void aWebhookGoesOnlyWhereThePolicyAllowsAndIsNotRetried() throws Exception {
        capture = HostileCredentialTest.Capture.start();
        var poster = new org.remediation.console.notify.WebhookPoster(Duration.ofSeconds(2), d -> { }, NO_LOOPBACK);
        var delivery = poster.post(java.net.URI.create("http://127.0.0.1:" + capture.port() + "/hook"), "{}",
                new org.remediation.console.notify.WebhookPoster.Policy(3, Duration.ofMillis(1), Duration.ofMillis(1),
                        Duration.ofSeconds(2)));
        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isZero();
        assertThat(capture.connectionsBesidesASentinel()).isZero();
    }

    @Test
    void aNameIsCheckedOnTheAddressItResolvesTo() {
        ProbeResult r = new TcpProbe().run(request(Map.of("host", "localhost", "port", "9"), NO_LOOPBACK));
        assertThat(r.errorClass()).isEqualTo("egress-denied");
        assertThat(r.error()).contains("localhost (").contains("console.egress.deny");
    }

    private static ProbeRequest request(Map<String, String> settings, EgressPolicy egress) {
        return new ProbeRequest("hostile", settings, Duration.ofSeconds(2), Loopback::secret, Clock.systemUTC(), egress);
    }
}
