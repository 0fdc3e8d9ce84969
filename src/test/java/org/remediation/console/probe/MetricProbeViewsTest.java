package org.remediation.console.probe;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
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
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A metric target on the dashboard and its detail page: the value in its unit, a failed read shown
 * as a failure, the query, the last run's series and its raw answer. Results are built the way the
 * metric probes build them ({@link MetricValues#result}).
 */
class MetricProbeViewsTest extends KaribuTest {

    static final String FILTER = "metric.type = \"vpcaccess.googleapis.com/connector/cpu/utilizations\"";

    @Autowired
    ProbeTargetService targets;
    @Autowired
    ResultPipeline pipeline;

    @Test
    void theTileShowsTheLatestValueInItsUnitAndAFailedReadAsAFailure() {
        String key = "cpu-" + UUID.randomUUID().toString().substring(0, 8);
        ProbeTarget target = create(key);
        Instant t0 = Instant.now().minusSeconds(300);
        pipeline.accept(target, read(target, t0, 0.612));
        pipeline.accept(target, read(target, t0.plusSeconds(60), 0.632));
        login("viewer", Role.VIEWER);
        navigate("probes");
        _get(TextField.class, s -> s.withPlaceholder("Filter by key, name or group")).setValue(key);
        MockVaadin.clientRoundtrip(false);
        assertThat(ProbesDashboardViewTest.tileText(key, "probe-tile-last")).isEqualTo("63.2 %");
        Div tile = _get(Div.class, s -> s.withId("tile-" + key));
        assertThat(_get(tile, SvgImage.class).getSvg()).contains("aria-label=\"Values of the last 2 runs:")
                .contains(" %, 0 failed").doesNotContain(" ms");

        pipeline.accept(target, empty(target, t0.plusSeconds(120)));
        MockVaadin.clientRoundtrip(false);
        assertThat(ProbesDashboardViewTest.tileText(key, "probe-tile-last"))
                .as("the value read a minute ago is not the current one").isEqualTo("failed: no-series");
        assertThat(_get(tile, SvgImage.class).getSvg()).contains("Values of the last 3 runs:").contains("1 failed")
                .contains("class=\"spark-fail\"");
    }

    @Test
    void theDetailShowsQuerySeriesAndTheTruncatedRawAnswerWithFiguresInTheUnit() {
        String key = "cpu-" + UUID.randomUUID().toString().substring(0, 8);
        ProbeTarget target = create(key);
        Instant t0 = Instant.now().minusSeconds(300);
        pipeline.accept(target, read(target, t0, 0.41));
        pipeline.accept(target, empty(target, t0.plusSeconds(60)));
        String longRaw = "{\"timeSeries\":[" + "x".repeat(1000) + "]}";
        pipeline.accept(target, result(target, t0.plusSeconds(120), List.of(
                new MetricValues.Point(Map.of("connector_name", "staging-connector"), 0.632),
                new MetricValues.Point(Map.of("connector_name", "prod-connector"), 0.2)), longRaw));
        login("responder", Role.RESPONDER);
        navigate("probes/" + key);

        assertThat(_get(Pre.class, s -> s.withId("probe-metric-query")).getText()).startsWith(FILTER)
                .contains("ALIGN_MEAN");
        assertThat(_get(UnorderedList.class, s -> s.withId("probe-metric-series")).getElement().getTextRecursively())
                .contains("connector_name=staging-connector: 63.2 %").contains("connector_name=prod-connector: 20.0 %");
        Details raw = _get(Details.class, s -> s.withId("probe-metric-raw-details"));
        assertThat(raw.isOpened()).as("collapsed until asked for").isFalse();
        assertThat(raw.getSummaryText()).contains("raw answer");
        String shown = _get(Pre.class, s -> s.withId("probe-metric-raw")).getText();
        assertThat(shown).startsWith("{\"timeSeries\":[xxx").endsWith("… (" + longRaw.length() + " characters)")
                .hasSizeLessThan(longRaw.length());

        String chart = _get(SvgImage.class, s -> s.withClasses("svg-image")).getSvg();
        assertThat(chart).contains("aria-label=\"Value chart of 3 runs:").contains("1 failed").contains(" %</text>")
                .doesNotContain(" ms");
        assertThat(_get(Div.class, s -> s.withClasses("probe-windows")).getElement().getTextRecursively())
                .contains("p95 ").contains(" %").doesNotContain(" ms");

        pipeline.accept(target, empty(target, Instant.now()));
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(UnorderedList.class, s -> s.withId("probe-metric-series")).getElement().getTextRecursively())
                .as("a failed read has no series; the old ones are not shown as its").startsWith("none: The query returned no series")
                .doesNotContain("staging-connector");
        assertThat(_get(Pre.class, s -> s.withId("probe-metric-raw")).getText()).isEqualTo("{\"timeSeries\":[]}");
    }

    private ProbeTarget create(String key) {
        return As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Connector CPU", "GCP_METRIC",
                Map.of("filter", FILTER, "unit", "%", "scale", "100", "across", "max"), Duration.ofSeconds(60), Duration.ofSeconds(10),
                true, "metrics", null)));
    }

    private static ProbeResult read(ProbeTarget t, Instant at, double ratio) {
        return result(t, at, List.of(new MetricValues.Point(Map.of("connector_name", "staging-connector"), ratio)),
                "{\"timeSeries\":[{\"points\":[{\"value\":{\"doubleValue\":" + ratio + "}}]}]}");
    }

    private static ProbeResult empty(ProbeTarget t, Instant at) {
        return result(t, at, List.of(), "{\"timeSeries\":[]}");
    }

    private static ProbeResult result(ProbeTarget t, Instant at, List<MetricValues.Point> points, String raw) {
        ProbeRequest req = new ProbeRequest(t.key(), t.settings(), Duration.ofSeconds(10), r -> "",
                Clock.fixed(at, ZoneOffset.UTC), EgressPolicy.DEFAULT, t.interval());
        return MetricValues.result(new Run(req), req, FILTER + " | ALIGN_MEAN | period 1m", points, raw, "10^2.%");
    }
}
