package org.remediation.console.probe.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.ui.Sparkline;
import org.remediation.console.base.ui.SvgImage;
import org.remediation.console.base.ui.StyleSwitch;
import org.remediation.console.base.ui.Texts;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.Samples;
import org.remediation.console.probe.TargetStatus;
import org.remediation.console.probe.WindowStats;

/**
 * One target on the dashboard: state colour, last latency, p95 and success rate over 15 min, sparkline.
 * A metric target shows its latest value in its unit instead, and a failed latest read as a failure.
 */
class ProbeTile extends Div {

    private static final java.util.List<String> STATE_CLASSES =
            java.util.Arrays.stream(HealthState.values()).map(ProbeFormat::css).toList();

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ProbeTarget target;
    private final Span state = new Span();
    private final Span last = new Span();
    private final Span p95 = new Span();
    private final Span success = new Span();
    private final SvgImage spark = new SvgImage("");

    ProbeTile(ProbeTarget target, ProbeStatistics statistics) {
        this.target = target;
        addClassName("probe-tile");
        setId("tile-" + target.key());
        Span name = new Span(target.name());
        name.addClassName("probe-tile-name");
        Span key = new Span(target.key() + " · " + target.kind());
        key.addClassName("probe-tile-key");
        state.addClassName("probe-tile-state");
        last.addClassName("probe-tile-last");
        Div figures = new Div(figure("last", last), figure("p95 15m", p95), figure("success", success));
        figures.addClassName("probe-tile-figures");
        add(new Div(name, state), key, figures, spark);
        getElement().setAttribute("title", "Open " + target.name());
        // a link for keyboards and screen readers too: focusable, opened with Enter or Space
        getElement().setAttribute("role", "link").setAttribute("tabindex", "0");
        addClickListener(e -> open());
        getElement().addEventListener("keydown", e -> open())
                .setFilter("event.key === 'Enter' || event.key === ' '").preventDefault();
        refresh(statistics);
    }

    private void open() {
        getUI().ifPresent(ui -> ui.navigate("probes/" + target.key()));
    }

    private static Div figure(String label, Span value) {
        Span l = new Span(label);
        l.addClassName("probe-figure-label");
        Div d = new Div(value, l);
        d.addClassName("probe-figure");
        return d;
    }

    String key() {
        return target.key();
    }

    HealthState refresh(ProbeStatistics statistics) {
        TargetStatus status = statistics.status(target.key()).orElse(null);
        HealthState s = !target.enabled() ? HealthState.UNKNOWN : status == null ? HealthState.UNKNOWN : status.state();
        StyleSwitch.select(this, STATE_CLASSES, ProbeFormat.css(s));
        Texts.set(state, target.enabled() ? s.name() : "DISABLED");
        @Nullable ProbeResult latest = status == null ? null : status.last();
        String unit = ProbeFormat.unit(target, latest);
        Texts.set(last, lastText(latest, unit));
        last.getElement().setAttribute("title", latest != null && latest.error() != null ? latest.error() : "");
        WindowStats w = statistics.window(target.key(), WINDOW).orElse(null);
        Texts.set(p95, w == null ? "—" : ProbeFormat.figure(target, unit, w.p95Ms()));
        Texts.set(success, w == null ? "—" : ProbeFormat.percent(w.successRate()));
        Samples samples = statistics.samples(target.key(), 40);
        spark.setSvg(target.kind().isMetric()
                ? Sparkline.svg(ProbeFormat.plotted(target, samples), samples.failed(), "Values of the last", unit, 160, 28)
                : Sparkline.svg(samples.durationMs(), samples.failed(), 160, 28));
        return s;
    }

    /** The latest run's figure; for a metric target a failed read says so, never the value before it. */
    private String lastText(@Nullable ProbeResult latest, String unit) {
        if (latest == null) {
            return "—";
        }
        if (target.kind().isPushed() && latest.outcome().isFailure()) { // "failed: stale" tells a dead cron job from a red one
            return "failed" + (latest.errorClass() == null ? "" : ": " + latest.errorClass());
        }
        if (!target.kind().isMetric()) {
            return ProbeFormat.ms(latest.durationMs());
        }
        if (latest.outcome().isFailure() || latest.metricValue() == null) {
            return "failed" + (latest.errorClass() == null ? "" : ": " + latest.errorClass());
        }
        return ProbeFormat.value(latest.metricValue(), unit);
    }

    String lastText() {
        return last.getText();
    }

    String stateText() {
        return state.getText();
    }
}
