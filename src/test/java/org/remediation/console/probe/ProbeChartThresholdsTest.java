package org.remediation.console.probe;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.egress.EgressPolicy;
import org.remediation.console.base.ui.SvgImage;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The detail chart's threshold line is the criteria's, in the chart's unit: a metric target's in its
 * unit, a latency target's in ms; the strictest is drawn and every one is listed under the chart.
 */
class ProbeChartThresholdsTest extends KaribuTest {

    static final String FILTER = "metric.type = \"vpcaccess.googleapis.com/connector/cpu/utilizations\"";

    @Autowired ProbeTargetService targets;
    @Autowired ResultPipeline pipeline;
    @Autowired CriteriaService criteria;

    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMetricTargetsChartDrawsItsCriterionsThresholdInItsUnit() {
        String key = "connector-cpu-" + suffix;
        ProbeTarget target = metricTarget(key);
        Instant t0 = Instant.now().minusSeconds(180);
        pipeline.accept(target, read(target, t0, 0.412));
        pipeline.accept(target, read(target, t0.plusSeconds(60), 0.632));
        define("inc-a-" + suffix, key + " max < 70 % over 15m");
        define("inc-b-" + suffix, key + " p95 < 90 % over 15m");
        define("inc-c-" + suffix, key + " max < 70 % over 15m"); // the same line from another incident, once
        define("inc-d-" + suffix, key + " max < 50 ms over 15m"); // not in the metric's unit: never compared, not drawn
        login("viewer", Role.VIEWER);
        navigate("probes/" + key);

        String svg = chart();
        // plot 190 px high, axis top 100 %: 70 % sits 133 px above the axis at y 198
        assertThat(svg).contains("<line class=\"chart-threshold\" x1=\"48.0\" y1=\"65.0\"")
                .contains(">threshold 70 %</text>").contains("; threshold 70 %\"").doesNotContain(" ms");
        String caption = caption().getElement().getTextRecursively();
        assertThat(caption).startsWith("Threshold line: " + key + " max < 70 %")
                .contains(key + " p95 < 90 %").doesNotContain("< 50 ms");
        assertThat(caption.split(java.util.regex.Pattern.quote(key + " max < 70 %"), -1))
                .as("an equal threshold is listed once").hasSize(2);
    }

    @Test
    void aTargetNoCriterionReadsShowsNoThreshold() {
        String key = "connector-cpu-" + suffix;
        ProbeTarget target = metricTarget(key);
        pipeline.accept(target, read(target, Instant.now().minusSeconds(60), 0.632));
        define("inc-o-" + suffix, "other-" + suffix + " max < 70 % over 15m");
        login("viewer", Role.VIEWER);
        navigate("probes/" + key);

        assertThat(chart()).doesNotContain("chart-threshold").doesNotContain("threshold ");
        _assertNone(Div.class, s -> s.withId("probe-chart-thresholds")); // hidden: Karibu finds only what shows
    }

    @Test
    void aLatencyCriterionReplacesDegradedAboveMsInMs() {
        String key = "api-" + suffix;
        ProbeTarget target = As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "API", "HTTP",
                Map.of("url", "http://127.0.0.1:1/x", "degradedAboveMs", "250"), Duration.ofSeconds(30),
                Duration.ofSeconds(5), true, "web", null)));
        pipeline.accept(target, new ProbeResult(key, Instant.now().minusSeconds(30), Duration.ofMillis(120), Outcome.UP,
                null, null, Map.of("status", 200)));
        define("inc-l-" + suffix, key + " p95 < 1 s over 15m");
        login("viewer", Role.VIEWER);
        navigate("probes/" + key);

        assertThat(chart()).contains(">threshold 1000 ms</text>").doesNotContain("threshold 250 ms");
        assertThat(caption().getElement().getTextRecursively()).isEqualTo("Threshold line: " + key + " p95 < 1 s");
    }

    private void define(String incident, String text) {
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, null,
                List.of(new CriterionDefinition("kpi", "KPI", text))));
    }

    private static String chart() {
        return _get(SvgImage.class, s -> s.withClasses("svg-image")).getSvg();
    }

    private static Div caption() {
        return _get(Div.class, s -> s.withId("probe-chart-thresholds"));
    }

    private ProbeTarget metricTarget(String key) {
        return As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Connector CPU", "GCP_METRIC",
                Map.of("filter", FILTER, "unit", "%", "scale", "100"), Duration.ofSeconds(60), Duration.ofSeconds(10),
                true, "metrics", null)));
    }

    private static ProbeResult read(ProbeTarget t, Instant at, double ratio) {
        ProbeRequest req = new ProbeRequest(t.key(), t.settings(), Duration.ofSeconds(10), r -> "",
                Clock.fixed(at, ZoneOffset.UTC), EgressPolicy.DEFAULT, t.interval());
        return MetricValues.result(new Run(req), req, FILTER + " | ALIGN_MEAN | period 1m",
                List.of(new MetricValues.Point(Map.of("connector_name", "staging-connector"), ratio)),
                "{\"timeSeries\":[]}", "10^2.%");
    }
}
