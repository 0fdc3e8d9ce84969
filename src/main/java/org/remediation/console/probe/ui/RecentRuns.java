package org.remediation.console.probe.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.remediation.console.base.HumanTime;
import org.remediation.console.probe.ProbeResult;

/** The latest runs with their timing phases (DNS, connect, TLS, TTFB, query, command…) and errors. */
class RecentRuns extends Grid<ProbeResult> {

    RecentRuns() {
        addColumn(r -> HumanTime.clock(r.startedAt())).setHeader("Start (UTC)").setAutoWidth(true);
        addColumn(r -> r.outcome().name()).setHeader("Outcome").setAutoWidth(true);
        addColumn(r -> ProbeFormat.ms(r.durationMs())).setHeader("Total").setAutoWidth(true);
        addColumn(this::phasesOf).setHeader("Phases").setAutoWidth(true);
        addColumn(r -> r.error() == null ? "" : r.error()).setHeader("Error");
        setAllRowsVisible(true);
        addClassName("probe-runs");
    }

    private String unit = "";

    /** The runs; {@code unit} is a metric target's (empty for others). */
    void show(List<ProbeResult> results, String unit) {
        this.unit = unit;
        setItems(results);
    }

    /** A metric run leads with its value (its run time stays in Total). */
    private String phasesOf(ProbeResult r) {
        String p = phases(r);
        return r.metricValue() == null ? p : "value " + ProbeFormat.value(r.metricValue(), unit) + (p.isEmpty() ? "" : " · " + p);
    }

    static String phases(ProbeResult r) {
        return r.measurements().entrySet().stream()
                .filter(e -> e.getKey().endsWith("Ms") && !e.getKey().equals("totalMs"))
                .map(RecentRuns::phase).collect(Collectors.joining(" · "))
                + (r.measurements().containsKey("status") ? " · HTTP " + r.measurements().get("status") : "");
    }

    private static String phase(Map.Entry<String, Object> e) {
        String name = e.getKey().substring(0, e.getKey().length() - 2);
        return name + " " + ProbeFormat.ms(((Number) e.getValue()).doubleValue());
    }
}
