package org.remediation.console.probe;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.ui.SvgImage;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Target detail (chart with threshold, timing breakdown, live) and the admin view's role guard. */
class ProbeViewsTest extends KaribuTest {

    @Autowired
    ProbeTargetService targets;
    @Autowired
    ResultPipeline pipeline;

    @Test
    void detailShowsChartWithThresholdAndTimingBreakdownAndFollowsNewResults() {
        String key = "detail-" + UUID.randomUUID().toString().substring(0, 8);
        ProbeTarget target = As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Detail target", "HTTP",
                Map.of("url", "http://127.0.0.1:1/x", "degradedAboveMs", "250"), Duration.ofSeconds(10),
                Duration.ofSeconds(1), true, "detail", null)));
        Instant t0 = Instant.now().minusSeconds(60);
        for (int i = 0; i < 5; i++) {
            pipeline.accept(target, new ProbeResult(key, t0.plusSeconds(10L * i), Duration.ofMillis(100 + i), Outcome.UP,
                    null, null, Map.of("dnsMs", 0.1, "connectMs", 1.5, "ttfbMs", 98.0, "totalMs", 100.0 + i, "status", 200)));
        }
        login("responder", Role.RESPONDER);
        navigate("probes/" + key);
        assertThat(_get(H1.class).getText()).contains("Detail target");
        String svg = _get(SvgImage.class, s -> s.withClasses("svg-image")).getSvg();
        assertThat(svg).contains("chart-threshold").contains("threshold 250 ms").contains("chart-axis").contains("polyline");
        Grid<?> runs = _get(Grid.class, s -> s.withClasses("probe-runs"));
        assertThat(GridKt._size(runs)).isEqualTo(5);
        assertThat(GridKt._getFormattedRow(runs, 0)).anySatisfy(cell -> assertThat(cell).contains("connect").contains("HTTP 200"));

        pipeline.accept(target, new ProbeResult(key, Instant.now(), Duration.ofMillis(900), Outcome.DOWN, "unexpected-status",
                "HTTP 503 (expected 200-299)", Map.of("status", 503)));
        MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._size(runs)).isEqualTo(6);
    }

    @Test
    void anExternalTargetSaysWhoPushesAndItsTileTellsASilentTargetFromAFailingOne() {
        String key = "ext-view-" + UUID.randomUUID().toString().substring(0, 8);
        ProbeTarget target = As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Nightly smoke", "EXTERNAL",
                Map.of("staleAfter", "10m", "reporter", "ci-smoke"), Duration.ofMinutes(1), Duration.ofSeconds(1), true,
                "ci", null)));
        pipeline.accept(target, new ProbeResult(key, Instant.now(), Duration.ZERO, Outcome.DOWN, "stale",
                "No result pushed within 10m (latest never)", Map.of()));
        login("responder", Role.RESPONDER);
        navigate("probes/" + key);
        assertThat(_get(Div.class, s -> s.withId("probe-pushed")).getText())
                .contains("POST /api/v1/probe-targets/" + key + "/results", "'ci-smoke'", "no result within 10m");
        navigate("probes");
        _get(TextField.class, s -> s.withPlaceholder("Filter by key, name or group")).setValue(key);
        Div tile = _get(Div.class, s -> s.withId("tile-" + key));
        assertThat(_get(tile, Span.class, s -> s.withClasses("probe-tile-last")).getText()).isEqualTo("failed: stale");
    }

    @Test
    void adminSeesTheTargetsView() {
        login("admin", Role.ADMIN);
        navigate("admin/probes");
        assertThat(GridKt._size(_get(Grid.class))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void othersMayNotOpenTheTargetsView() {
        login("operator", Role.OPERATOR);
        assertDenied("admin/probes");
        assertThat(_find(org.remediation.console.probe.ui.ProbeTargetsView.class)).isEmpty();
    }
}
