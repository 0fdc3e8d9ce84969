package org.remediation.console.probe.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Comparator;
import java.util.List;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;

/** The golden path (login → auth → backend → websocket → AI response) and "services operational k / n". */
class GoldenPathChain extends Div {

    private final Span summary = new Span();
    private final Div steps = new Div();
    private List<ProbeTarget> golden = List.of();

    GoldenPathChain() {
        addClassName("golden-path");
        summary.addClassName("golden-summary");
        summary.setId("golden-summary");
        steps.addClassName("golden-steps");
        add(summary, steps);
    }

    void setTargets(List<ProbeTarget> targets, ProbeStatistics statistics) {
        golden = targets.stream().filter(t -> t.goldenStep() != null)
                .sorted(Comparator.comparing(ProbeTarget::goldenStep)).toList();
        refresh(statistics);
    }

    boolean contains(String key) {
        return golden.stream().anyMatch(t -> t.key().equals(key));
    }

    void refresh(ProbeStatistics statistics) {
        steps.removeAll();
        int up = 0;
        for (ProbeTarget t : golden) {
            HealthState s = t.enabled() ? statistics.state(t.key()) : HealthState.UNKNOWN;
            up += s == HealthState.UP ? 1 : 0;
            if (steps.getComponentCount() > 0) {
                Span arrow = new Span("→");
                arrow.addClassName("golden-arrow");
                steps.add(arrow);
            }
            // the state in text as well as colour: a marker to see, the word for screen readers
            Span marker = new Span(marker(s));
            marker.addClassName("golden-marker");
            marker.getElement().setAttribute("aria-hidden", "true");
            Span word = new Span(" (" + s.name() + ")");
            word.addClassName("visually-hidden");
            Span step = new Span(marker, new Span(ProbeTarget.GOLDEN_STEPS[t.goldenStep() - 1] + " · " + t.name()), word);
            step.addClassNames("golden-step", ProbeFormat.css(s));
            step.getElement().setAttribute("title", t.key() + ": " + s);
            steps.add(step);
        }
        summary.setText(golden.isEmpty() ? "No golden path configured"
                : "Services operational " + up + " / " + golden.size());
    }

    static String marker(HealthState s) {
        return switch (s) {
            case UP -> "✓";
            case DEGRADED -> "!";
            case DOWN -> "✕";
            case UNKNOWN -> "?";
        };
    }

    String summaryText() {
        return summary.getText();
    }
}
