package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;
import org.remediation.console.base.egress.EgressPolicy;
import org.remediation.console.cloud.CloudMetrics;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.MetricSeries;

/**
 * The rules that keep a metric read from reading green on a misconfigured target (issue 18 review):
 * a unit named without the scale that converts to it, several series without a rule to combine them,
 * emptyAs: zero on a gauge or with a presence filter on another resource, a lag shorter than Google's
 * ingestion delay. The port is answered by a fixed answer: the rules are the probe's, not Google's.
 */
class MetricAnswerRulesTest {

    static final String CPU = "metric.type = \"vpcaccess.googleapis.com/connector/cpu/utilizations\" AND "
            + "resource.labels.connector_name = \"staging-connector\"";
    static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    MetricAnswer answer = new MetricAnswer(List.of(), "", "{}");
    String name = "gcp";
    final GcpMetricProbe probe = new GcpMetricProbe(new CloudMetrics() {
        @Override
        public String name() {
            return name;
        }

        @Override
        public MetricAnswer read(MetricQuery query) {
            return answer;
        }
    });

    ProbeResult run(String... settings) {
        Map<String, String> s = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        return probe.run(new ProbeRequest("t", s, Duration.ofSeconds(5), ref -> "", Clock.fixed(NOW, ZoneOffset.UTC),
                EgressPolicy.DEFAULT, Duration.ofMinutes(1)));
    }

    Map<String, String> problems(String... settings) {
        Map<String, String> s = new HashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            s.put(settings[i], settings[i + 1]);
        }
        Problems p = new Problems();
        probe.validate(s, p);
        Map<String, String> byField = new HashMap<>();
        p.list().forEach(problem -> byField.merge(problem.field(), problem.message(), (a, b) -> a + " | " + b));
        return byField;
    }

    static MetricSeries series(String connector, double value) {
        return new MetricSeries(Map.of("connector_name", connector), value, NOW);
    }

    @Test
    void aPercentUnitOnGooglesRatioWithoutScaleFailsInsteadOfJudging085AgainstSeventy() {
        answer = new MetricAnswer(List.of(series("staging-connector", 0.85)), "10^2.%", "{}");
        ProbeResult r = run("filter", CPU, "aligner", "ALIGN_PERCENTILE_99", "unit", "%");
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("unit-mismatch");
        assertThat(r.metricValue()).isNull();
        assertThat(r.error()).contains("set scale");
        ProbeResult scaled = run("filter", CPU, "aligner", "ALIGN_PERCENTILE_99", "unit", "%", "scale", "100");
        assertThat(scaled.metricValue()).isEqualTo(85.0);
    }

    @Test
    void aScaleWithoutItsUnitIsRefusedWhenSaved() {
        assertThat(problems("filter", CPU, "scale", "100")).containsKey("settings.unit");
    }

    @Test
    void severalSeriesWithoutAcrossFailNamingTheChoice() {
        answer = new MetricAnswer(List.of(series("a", 1), series("b", 5)), "", "{}");
        ProbeResult r = run("filter", CPU);
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("several-series");
        assertThat(r.error()).contains("max, min, sum or mean");
        assertThat(run("filter", CPU, "across", "min").metricValue()).isEqualTo(1.0);
        answer = new MetricAnswer(List.of(series("a", 3)), "", "{}");
        assertThat(run("filter", CPU).metricValue()).as("one series needs no rule").isEqualTo(3.0);
    }

    @Test
    void emptyAsZeroIsOnlyForCountsAndOnlyWithAPresenceOnTheSameResource() {
        assertThat(problems("filter", CPU, "emptyAs", "zero", "presenceFilter", CPU)).containsKey("settings.emptyAs");
        String other = "metric.type = \"vpcaccess.googleapis.com/connector/received_bytes_count\" AND "
                + "resource.labels.connector_name = \"other-connector\"";
        assertThat(problems("filter", CPU, "aligner", "ALIGN_DELTA", "emptyAs", "zero", "presenceFilter", other))
                .containsKey("settings.presenceFilter");
        String same = other.replace("other-connector", "staging-connector");
        assertThat(problems("filter", CPU, "aligner", "ALIGN_DELTA", "emptyAs", "zero", "presenceFilter", same)).isEmpty();
    }

    @Test
    void againstGoogleALagShorterThanItsIngestionDelayIsRefusedAndAlignersThatInventPointsAreUnknown() {
        assertThat(problems("filter", CPU, "lag", "30s")).containsKey("settings.lag");
        assertThat(problems("filter", CPU, "lag", "3m")).isEmpty();
        assertThat(problems("filter", CPU, "aligner", "ALIGN_NEXT_OLDER")).containsKey("settings.aligner");
        assertThat(problems("filter", CPU, "aligner", "ALIGN_INTERPOLATE")).containsKey("settings.aligner");
        name = "sandbox"; // the sandbox's points exist at once
        assertThat(problems("filter", CPU, "lag", "0s")).isEmpty();
    }
}
