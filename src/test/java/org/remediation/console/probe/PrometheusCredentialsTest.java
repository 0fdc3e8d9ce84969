package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.egress.EgressPolicy;
import org.remediation.console.support.PrometheusServer;

/**
 * Credentials for a PROMETHEUS probe: Prometheus 2.42's own basic authentication
 * ({@code --web.config.file} with bcrypt hashes) accepts the right password and refuses a wrong one,
 * and no secret appears in any result, even from a server that echoes it back.
 */
class PrometheusCredentialsTest {

    private static final String PASSWORD = "Tr0ub4dor-and-3";
    private static final String WRONG = "wrong-Pa55word-77";
    private static final String TOKEN = "tok-9f8e7d6c5b4a";
    private static final Map<String, String> SECRETS = Map.of("secret:prom-password", PASSWORD,
            "secret:prom-wrong", WRONG, "secret:prom-token", TOKEN);
    private static PrometheusServer prometheus;
    private final PrometheusProbe probe = new PrometheusProbe();

    @BeforeAll
    static void start() throws Exception {
        PrometheusServer.require("the PROMETHEUS credentials tests");
        prometheus = PrometheusServer.startWithBasicAuth("probe", PASSWORD, "app");
        prometheus.set("app", "users_online", "12");
        prometheus.await("users_online", "\"12\"]");
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    private ProbeResult run(String url, String... pairs) {
        Map<String, String> s = new HashMap<>(Map.of("url", url, "query", "users_online"));
        for (int i = 0; i < pairs.length; i += 2) {
            s.put(pairs[i], pairs[i + 1]);
        }
        return probe.run(new ProbeRequest("test-target", s, Duration.ofSeconds(10), ref -> {
            String v = SECRETS.get(ref);
            if (v == null) {
                throw new IllegalStateException("Credential reference " + ref + " does not resolve: set CONSOLE_SECRETS_…");
            }
            return v;
        }, Clock.systemUTC(), EgressPolicy.DEFAULT));
    }

    /** Neither the secrets nor their basic-auth encodings, anywhere in the result. */
    private static void assertNoSecretIn(ProbeResult r) {
        String all = r + " " + r.measurements();
        for (String secret : SECRETS.values()) {
            assertThat(all).doesNotContain(secret)
                    .doesNotContain(Base64.getEncoder().encodeToString(("probe:" + secret).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void theRightPasswordReadsTheValue() {
        ProbeResult r = run(prometheus.url(), "username", "probe", "password", "secret:prom-password");
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isEqualTo(12.0);
        assertNoSecretIn(r);
    }

    @Test
    void aWrongPasswordIsRefusedCredentials() {
        ProbeResult r = run(prometheus.url(), "username", "probe", "password", "secret:prom-wrong");
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("credentials-refused");
        assertThat(r.error()).contains("HTTP 401").contains("refused the credentials");
        assertThat(r.metricValue()).isNull();
        assertNoSecretIn(r);
    }

    @Test
    void noCredentialsOrABearerTokenPrometheusDoesNotKnowAreRefusedToo() {
        assertThat(run(prometheus.url()).errorClass()).isEqualTo("credentials-refused");
        ProbeResult bearer = run(prometheus.url(), "token", "secret:prom-token");
        assertThat(bearer.errorClass()).isEqualTo("credentials-refused");
        assertNoSecretIn(bearer);
    }

    @Test
    void aMissingReferenceIsAnErrorNamingItAndNothingIsSent() {
        ProbeResult r = run(prometheus.url(), "token", "secret:prom-nope");
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("missing-credential");
        assertThat(r.error()).contains("secret:prom-nope");
        assertThat(r.measurements()).doesNotContainKey("status").doesNotContainKey("connectMs");
    }

    @Test
    void aLiteralCredentialStoredBeforeTheRuleIsNeverSent() {
        ProbeResult r = run(prometheus.url(), "username", "probe", "password", PASSWORD);
        assertThat(r.errorClass()).isEqualTo("missing-credential");
        assertThat(r.error()).contains("reference");
        assertThat(r.measurements()).doesNotContainKey("connectMs");
        assertNoSecretIn(r);
    }

    @Test
    void theBearerTokenIsSentAndScrubbedFromWhatAServerEchoes() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        HttpServer echo = HttpServer.create(new InetSocketAddress(Loopback.LOCAL, 0), 5);
        echo.createContext("/api/v1/query", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            seen.set(auth);
            byte[] body = ("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unexpected header " + auth + "\","
                    + "\"warnings\":[\"saw " + auth + "\"]}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        echo.start();
        try {
            ProbeResult r = run("http://127.0.0.1:" + echo.getAddress().getPort(), "token", "secret:prom-token");
            assertThat(seen.get()).isEqualTo("Bearer " + TOKEN);
            assertThat(r.errorClass()).isEqualTo("prometheus-bad-data");
            assertThat(r.error()).contains("unexpected header Bearer ***");
            assertThat(r.measurements().get("warnings")).asList().containsExactly("saw Bearer ***");
            assertNoSecretIn(r);
        } finally {
            echo.stop(0);
        }
    }
}
