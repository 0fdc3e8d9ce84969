package org.remediation.console.probe.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.base.ui.SvgChart;
import org.remediation.console.base.ui.SvgImage;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeResultRecorded;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.Samples;
import org.remediation.console.probe.TargetStatus;
import org.remediation.console.probe.TargetThresholds;
import org.remediation.console.probe.WindowStats;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One target: state, window statistics, history chart with threshold, timing breakdown, errors, state
 * changes. A metric target's figures and chart read in its unit, and it shows the query, the last
 * run's series and its raw answer as the API gave it (truncated when stored). The chart's threshold
 * line is the strictest of the criteria that rank the target's figures (all of them listed under it);
 * with none, a latency target's {@code degradedAboveMs}.
 */
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
    private final Div pushed = new Div();
    private final Div windows = new Div();
    private final H3 chartTitle = new H3("Latency history");
    private final SvgImage chart = new SvgImage("");
    private final Div thresholdCaption = new Div();
    private final ObjectProvider<TargetThresholds> thresholds;
    private final Div metric = new Div();
    private final Pre query = new Pre();
    private final UnorderedList series = new UnorderedList();
    private final Pre raw = new Pre();
    private final Details rawDetails = new Details("Last raw answer (truncated to 600 characters)", raw);
    private final RecentRuns runs = new RecentRuns();
    private final StateChangeList changes = new StateChangeList();
    private @Nullable ProbeTarget target;

    public ProbeDetailView(ProbeTargetService targets, ProbeStatistics statistics, LiveEvents live,
                           ObjectProvider<TargetThresholds> thresholds) {
        this.targets = targets;
        this.statistics = statistics;
        this.thresholds = thresholds;
        thresholdCaption.setId("probe-chart-thresholds");
        thresholdCaption.addClassName("probe-chart-thresholds");
        addClassName("page");
        windows.addClassName("probe-windows");
        resource.setId("probe-cloud-resource");
        pushed.setId("probe-pushed");
        pushed.setVisible(false);
        query.setId("probe-metric-query");
        series.setId("probe-metric-series");
        raw.setId("probe-metric-raw");
        raw.addClassName("probe-raw");
        rawDetails.setId("probe-metric-raw-details");
        metric.setId("probe-metric");
        metric.add(new H3("Query"), query, new H3("Series of the last run"), series, rawDetails);
        metric.setVisible(false);
        add(new Div(title, badge, since), resource, pushed, windows, chartTitle, chart, thresholdCaption, metric,
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
        pushed.setVisible(target.kind().isPushed());
        pushed.setText(target.kind().isPushed() ? pushedText(target) : "");
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
        ProbeResult latest = status == null ? null : status.last();
        String unit = ProbeFormat.unit(t, latest);
        windows.removeAll();
        for (Duration w : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60)}) {
            windows.add(windowCard(t, unit, w, statistics.window(t.key(), w).orElse(null)));
        }
        Samples samples = statistics.samples(t.key(), 720);
        List<TargetThresholds.Line> lines = thresholdLines(t);
        Double threshold = lines.isEmpty() ? null : lines.getFirst().value();
        if (t.kind().isMetric()) {
            chartTitle.setText(unit.isEmpty() ? "Value history" : "Value history (" + unit + ")");
            chart.setSvg(SvgChart.svg(samples.startEpochMs(), ProbeFormat.plotted(t, samples), samples.failed(), threshold,
                    unit, "Value chart of", 900, 220));
            showMetric(t, latest);
        } else {
            String degraded = t.settings().get("degradedAboveMs");
            chart.setSvg(SvgChart.svg(samples.startEpochMs(), samples.durationMs(), samples.failed(),
                    threshold != null ? threshold : degraded == null ? null : Double.valueOf(degraded), "ms", 900, 220));
        }
        showThresholds(lines);
        runs.show(statistics.recentResults(t.key(), 30), unit);
        changes.show(statistics.stateChanges(t.key(), 20));
    }

    /** Who pushes an EXTERNAL target's results, where, and when silence counts as failure. */
    private static String pushedText(ProbeTarget t) {
        String reporter = t.settings().get("reporter");
        return "Results are pushed to POST /api/v1/probe-targets/" + t.key() + "/results by "
                + (reporter == null || reporter.isBlank() ? "any REPORTER account" : "the account '" + reporter.strip() + "'")
                + "; no result within " + t.settings().getOrDefault("staleAfter", "?") + " is recorded as a failure (stale).";
    }

    /** The criteria's lines for this target, the strictest first; none without the criteria feature. */
    private List<TargetThresholds.Line> thresholdLines(ProbeTarget t) {
        TargetThresholds source = thresholds.getIfAvailable();
        return source == null ? List.of() : source.of(t.key());
    }

    /** Under the chart: which criterion the line is, and every other threshold the target is held to. */
    private void showThresholds(List<TargetThresholds.Line> lines) {
        thresholdCaption.removeAll();
        thresholdCaption.setVisible(!lines.isEmpty());
        if (lines.isEmpty()) {
            return;
        }
        thresholdCaption.add(new Span("Threshold line: " + lines.getFirst().label()));
        if (lines.size() > 1) {
            UnorderedList others = new UnorderedList();
            lines.subList(1, lines.size()).forEach(l -> others.add(new ListItem(l.label())));
            thresholdCaption.add(new Span(" · also held to:"), others);
        }
    }

    /** Query, series and raw answer of the latest run; a failed read keeps the query and raw it had. */
    private void showMetric(ProbeTarget t, @Nullable ProbeResult latest) {
        Map<String, Object> m = latest == null ? Map.of() : latest.measurements();
        metric.setVisible(true);
        query.setText(m.get("query") instanceof String q ? q : queryFromSettings(t));
        series.removeAll();
        if (m.get("series") instanceof List<?> list && !list.isEmpty()) {
            list.forEach(line -> series.add(new ListItem(String.valueOf(line))));
        } else {
            series.add(new ListItem(latest == null ? "no runs yet"
                    : latest.error() != null ? "none: " + latest.error() : "none"));
        }
        raw.setText(m.get("raw") instanceof String r && !r.isEmpty() ? r : "(no answer recorded)");
    }

    /** Before the first run: the query as the settings write it (filters and PromQL hold no secrets). */
    static String queryFromSettings(ProbeTarget t) {
        Map<String, String> s = t.settings();
        if (s.containsKey("filter")) {
            return s.get("filter") + " | " + s.getOrDefault("aligner", "ALIGN_MEAN")
                    + (s.containsKey("reducer") ? " " + s.get("reducer") : "")
                    + (s.containsKey("groupBy") ? " by " + s.get("groupBy") : "");
        }
        return s.getOrDefault("query", "(no query set)");
    }

    private static Div windowCard(ProbeTarget t, String unit, Duration window, @Nullable WindowStats w) {
        Div card = new Div();
        card.addClassName("probe-window");
        card.add(new Span("Last " + window.toMinutes() + " min"));
        if (w == null || w.samples() == 0) {
            card.add(new Span("no samples"));
            return card;
        }
        card.add(new Span(w.samples() + " samples · success " + ProbeFormat.percent(w.successRate())),
                new Span("p50 " + ProbeFormat.figure(t, unit, w.p50Ms()) + " · p95 " + ProbeFormat.figure(t, unit, w.p95Ms())
                        + " · p99 " + ProbeFormat.figure(t, unit, w.p99Ms()) + " · max " + ProbeFormat.figure(t, unit, w.maxMs())));
        return card;
    }
}
