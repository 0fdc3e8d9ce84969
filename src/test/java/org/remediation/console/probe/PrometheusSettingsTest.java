package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.base.egress.EgressPolicy;

/** A PROMETHEUS target's settings are checked when saved, each problem naming its setting; no server needed. */
class PrometheusSettingsTest {

    private final PrometheusProbe probe = new PrometheusProbe();

    private Map<String, String> problems(String... pairs) {
        Map<String, String> s = new HashMap<>(Map.of("url", "http://prometheus:9090", "query", "up"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                s.remove(pairs[i]);
            } else {
                s.put(pairs[i], pairs[i + 1]);
            }
        }
        Problems p = new Problems();
        probe.validate(s, p);
        Map<String, String> byField = new HashMap<>();
        for (InvalidInputException.Problem problem : p.list()) {
            byField.merge(problem.field(), problem.message(), (a, b) -> a + " | " + b);
        }
        return byField;
    }

    @Test
    void aTypicalTargetIsValid() {
        assertThat(problems()).isEmpty();
        assertThat(problems("url", "https://prom.example.com/prometheus/", "expect", "scalar", "token", "secret:prom-token",
                "unit", "%", "scale", "100", "across", "sum", "emptyAs", "zero", "presenceQuery", "up{job=\"api\"}")).isEmpty();
        assertThat(problems("username", "probe", "password", "secret:prom-password")).isEmpty();
    }

    @Test
    void theQueryIsRequiredAndBounded() {
        assertThat(problems("query", null)).containsEntry("settings.query", "A PromQL query is required.");
        assertThat(problems("query", "x".repeat(PrometheusProbe.MAX_QUERY))).isEmpty();
        assertThat(problems("query", "x".repeat(PrometheusProbe.MAX_QUERY + 1))).containsKey("settings.query");
    }

    @Test
    void theUrlIsAnHttpBaseUrlOutsideTheRefusedAddresses() {
        assertThat(problems("url", null)).containsKey("settings.url");
        assertThat(problems("url", "ftp://prometheus:9090")).containsKey("settings.url");
        assertThat(problems("url", "http://prometheus:9090/api/v1/query?query=up")).containsKey("settings.url");
        assertThat(problems("url", "http://169.254.169.254:9090")).containsKey("settings.url");
        assertThat(problems("url", "http://probe:pw@prometheus:9090")).containsKey("settings.url");
    }

    @Test
    void expectIsVectorOrScalar() {
        assertThat(problems("expect", "Vector")).isEmpty();
        assertThat(problems("expect", "matrix")).containsKey("settings.expect");
    }

    @Test
    void credentialsAreReferencesOnlyAndOneKindAtATime() {
        assertThat(problems("token", "abc123")).containsKey("settings.token");
        assertThat(problems("token", "env:PROM_TOKEN").get("settings.token")).contains("no longer read");
        assertThat(problems("username", "probe", "password", "hunter2")).containsKey("settings.password");
        assertThat(problems("username", "probe")).containsKey("settings.password");
        assertThat(problems("password", "secret:prom-password")).containsKey("settings.username");
        assertThat(problems("username", "a:b", "password", "secret:prom-password")).containsKey("settings.username");
        assertThat(problems("token", "secret:t", "username", "probe", "password", "secret:p")).containsKey("settings.token");
    }

    @Test
    void theSharedMetricSettingsAndUnknownOnesAreChecked() {
        assertThat(problems("across", "median")).containsKey("settings.across");
        assertThat(problems("emptyAs", "skip")).containsKey("settings.emptyAs");
        assertThat(problems("scale", "0")).containsKey("settings.scale");
        assertThat(problems("filter", "metric.type = \"x\"")).containsKey("settings.filter");
    }

    @Test
    void emptyAsZeroNeedsAPresenceQueryOfBoundedLength() {
        assertThat(problems("emptyAs", "zero")).containsOnlyKeys("settings.presenceQuery");
        assertThat(problems("emptyAs", "zero").get("settings.presenceQuery")).startsWith("emptyAs: zero needs a presenceQuery")
                .contains("mistyped");
        assertThat(problems("emptyAs", "zero", "presenceQuery", " ")).containsKey("settings.presenceQuery");
        assertThat(problems("emptyAs", "zero", "presenceQuery", "x".repeat(PrometheusProbe.MAX_QUERY + 1)))
                .containsKey("settings.presenceQuery");
        assertThat(problems("emptyAs", "zero", "presenceQuery", "up{job=\"api\"}")).isEmpty();
        assertThat(problems("presenceQuery", "up")).as("allowed, unused without emptyAs zero").isEmpty();
    }

    @Test
    void theMetadataServerIsNeverAskedEvenIfStored() {
        ProbeResult r = probe.run(new ProbeRequest("t", Map.of("url", "http://169.254.169.254", "query", "up"),
                Duration.ofSeconds(2), ref -> "x", Clock.systemUTC(), EgressPolicy.DEFAULT));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("egress-denied");
        assertThat(r.measurements()).doesNotContainKey("connectMs");
    }

    @Test
    void prometheusValueTextIsReadAsPrometheusWritesIt() {
        assertThat(PrometheusProbe.number("1.5e3")).isEqualTo(1500.0);
        assertThat(PrometheusProbe.number("+Inf")).isInfinite();
        assertThat(PrometheusProbe.number("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(PrometheusProbe.number("NaN")).isNaN();
        assertThat(PrometheusProbe.number("")).isNaN();
    }
}
