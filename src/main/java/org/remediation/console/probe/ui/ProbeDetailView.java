package org.remediation.console.probe.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.base.ui.SvgChart;
import org.remediation.console.base.ui.SvgImage;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeResultRecorded;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.Samples;
import org.remediation.console.probe.TargetStatus;
import org.remediation.console.probe.WindowStats;

/** One target: state, window statistics, history chart with threshold, timing breakdown, errors, state changes. */
@Route("probes/:key")
@PageTitle("Probe · Remediation Console")
@PermitAll
public class ProbeDetailView extends Main implements BeforeEnterObserver {

    private final ProbeTargetService targets;
    private final ProbeStatistics statistics;
    private final H1 title = new H1();
    private final StatusBadge badge = new StatusBadge("UNKNOWN", StatusBadge.Tone.NEUTRAL);
    private final Span since = new Span();
    private final Span resource = new Span();
    private final Div windows = new Div();
    private final SvgImage chart = new SvgImage("");
    private final RecentRuns runs = new RecentRuns();
    private final StateChangeList changes = new StateChangeList();
    private @Nullable ProbeTarget target;

    public ProbeDetailView(ProbeTargetService targets, ProbeStatistics statistics, LiveEvents live) {
        this.targets = targets;
        this.statistics = statistics;
        addClassName("page");
        windows.addClassName("probe-windows");
        resource.setId("probe-cloud-resource");
        add(new Div(title, badge, since), resource, windows, new H3("Latency history"), chart,
                new H3("Recent runs (timing breakdown)"), runs, new H3("State changes"), changes);
        LiveSubscription.bind(this, live, ProbeResultRecorded.class, e -> {
            if (target != null && target.key().equals(e.result().targetKey())) {
                refresh();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String key = event.getRouteParameters().get("key").orElse("");
        target = targets.find(key).orElse(null);
        if (target == null) {
            title.setText("No probe target '" + key + "'");
            return;
        }
        title.setText(target.name() + " (" + target.key() + ")");
        resource.setText("Cloud resource: " + (target.cloudResource() == null ? "none"
                : target.cloudResource().kind().label() + " " + target.cloudResource()));
        refresh();
    }

    private void refresh() {
        ProbeTarget t = target;
        if (t == null) {
            return;
        }
        TargetStatus status = statistics.status(t.key()).orElse(null);
        HealthState s = status == null ? HealthState.UNKNOWN : status.state();
        badge.setText(t.enabled() ? s.name() : "DISABLED");
        badge.setTone(ProbeFormat.tone(s));
        since.setText(status == null || status.since() == null ? " no results yet"
                : " for " + HumanTime.duration(status.sinceChange()) + " · healthy streak "
                + HumanTime.duration(status.consecutiveSuccess()));
        windows.removeAll();
        for (Duration w : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)}) {
            windows.add(windowCard(w, statistics.window(t.key(), w).orElse(null)));
        }
        Samples samples = statistics.samples(t.key(), 720);
        String threshold = t.settings().get("degradedAboveMs");
        chart.setSvg(SvgChart.svg(samples.startEpochMs(), samples.durationMs(), samples.failed(),
                threshold == null ? null : Double.valueOf(threshold), "ms", 900, 220));
        runs.show(statistics.recentResults(t.key(), 30));
        changes.show(statistics.stateChanges(t.key(), 20));
    }

    private static Div windowCard(Duration window, @Nullable WindowStats w) {
        Div card = new Div();
        card.addClassName("probe-window");
        card.add(new Span("Last " + window.toMinutes() + " min"));
        if (w == null || w.samples() == 0) {
            card.add(new Span("no samples"));
            return card;
        }
        card.add(new Span(w.samples() + " samples · success " + ProbeFormat.percent(w.successRate())),
                new Span("p50 " + ProbeFormat.ms(w.p50Ms()) + " · p95 " + ProbeFormat.ms(w.p95Ms())
                        + " · p99 " + ProbeFormat.ms(w.p99Ms()) + " · max " + ProbeFormat.ms(w.maxMs())));
        return card;
    }
}
