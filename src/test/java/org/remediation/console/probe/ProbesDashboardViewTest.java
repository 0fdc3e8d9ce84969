package org.remediation.console.probe;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A result arriving for a target updates its tile on an open dashboard, by push, without reload. */
class ProbesDashboardViewTest extends KaribuTest {

    @Autowired
    ProbeTargetService targets;
    @Autowired
    ResultPipeline pipeline;

    static String tileText(String key, String cssClass) {
        Div tile = _get(Div.class, s -> s.withId("tile-" + key));
        return _get(tile, Span.class, s -> s.withClasses(cssClass)).getText();
    }

    @Test
    void aResultArrivingUpdatesItsTileAndTheGoldenPath() {
        String key = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        ProbeTarget target = As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Dash target", "TCP",
                Map.of("host", "127.0.0.1", "port", "6379"), Duration.ofSeconds(10), Duration.ofSeconds(1), true,
                "dashboard", null)));
        login("viewer", Role.VIEWER);
        navigate("probes");
        _get(TextField.class, s -> s.withPlaceholder("Filter by key, name or group")).setValue(key);
        MockVaadin.clientRoundtrip(false);
        assertThat(tileText(key, "probe-tile-state")).isEqualTo("UNKNOWN");
        assertThat(tileText(key, "probe-tile-last")).isEqualTo("—");

        pipeline.accept(target, new ProbeResult(key, Instant.now(), Duration.ofMillis(42), Outcome.UP, null, null,
                Map.of("connectMs", 42.0)));
        MockVaadin.clientRoundtrip(false);

        assertThat(tileText(key, "probe-tile-state")).isEqualTo("UP");
        assertThat(tileText(key, "probe-tile-last")).isEqualTo("42 ms");
        assertThat(_get(Span.class, s -> s.withId("golden-summary")).getText()).startsWith("Services operational");
    }
}
