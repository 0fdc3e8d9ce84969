package org.remediation.console.probe.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeResultRecorded;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetChanged;
import org.remediation.console.probe.ProbeTargetService;

/**
 * Every probe target as a tile, grouped by service, with the golden path on top. Figures come from
 * in-memory statistics (no database query per tile); only one page of tiles is rendered at a time so
 * 1,000 targets stay fast; results arrive by push and update just their tile.
 */
@Route("probes")
@PageTitle("Probes · Remediation Console")
@Menu(order = 20, title = "Probes")
@PermitAll
public class ProbesDashboardView extends Main {

    public static final int PAGE_SIZE = 120;

    private final ProbeTargetService targets;
    private final ProbeStatistics statistics;
    private final GoldenPathChain golden = new GoldenPathChain();
    private final Div groups = new Div();
    private final TextField filter = new TextField();
    private final Checkbox problemsOnly = new Checkbox("Only targets not UP");
    private final Span pageInfo = new Span();
    private final Map<String, ProbeTile> tiles = new HashMap<>();
    private List<ProbeTarget> all = List.of();
    private int page;

    public ProbesDashboardView(ProbeTargetService targets, ProbeStatistics statistics, LiveEvents live) {
        this.targets = targets;
        this.statistics = statistics;
        addClassName("page");
        filter.setPlaceholder("Filter by key, name or group");
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> { page = 0; render(); });
        problemsOnly.addValueChangeListener(e -> { page = 0; render(); });
        Button prev = new Button("Previous", e -> { page = Math.max(0, page - 1); render(); });
        Button next = new Button("Next", e -> { page++; render(); });
        groups.addClassName("probe-groups");
        filter.setAriaLabel("Filter probes");
        Div toolbar = new Div(filter, problemsOnly, prev, next, pageInfo);
        toolbar.addClassName("probe-toolbar"); // wraps on narrow screens
        add(new H1("Probes"), golden, toolbar, groups);
        reload();
        LiveSubscription.bind(this, live, ProbeResultRecorded.class, this::onResult);
        LiveSubscription.bind(this, live, ProbeTargetChanged.class, e -> reload());
    }

    private void reload() {
        all = targets.list();
        golden.setTargets(all, statistics);
        render();
    }

    private void onResult(ProbeResultRecorded event) {
        String key = event.result().targetKey();
        ProbeTile tile = tiles.get(key);
        if (tile != null) {
            tile.refresh(statistics);
        }
        if (golden.contains(key)) {
            golden.refresh(statistics);
        }
    }

    private void render() {
        String f = filter.getValue().strip().toLowerCase(Locale.ROOT);
        List<ProbeTarget> shown = all.stream()
                .filter(t -> f.isEmpty() || (t.key() + " " + t.name() + " " + t.group()).toLowerCase(Locale.ROOT).contains(f))
                .filter(t -> !problemsOnly.getValue() || statistics.state(t.key()) != HealthState.UP)
                .sorted(Comparator.comparing(ProbeTarget::group).thenComparing(ProbeTarget::key))
                .toList();
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        page = Math.min(page, pages - 1);
        List<ProbeTarget> slice = shown.subList(page * PAGE_SIZE, Math.min(shown.size(), (page + 1) * PAGE_SIZE));
        pageInfo.setText(shown.size() + " targets · page " + (page + 1) + " of " + pages);
        groups.removeAll();
        tiles.clear();
        Map<String, List<ProbeTarget>> byGroup = new TreeMap<>();
        slice.forEach(t -> byGroup.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t));
        byGroup.forEach((group, list) -> {
            Div row = new Div();
            row.addClassName("probe-tiles");
            for (ProbeTarget t : list) {
                ProbeTile tile = new ProbeTile(t, statistics);
                tiles.put(t.key(), tile);
                row.add(tile);
            }
            Div section = new Div(new H3(group), row);
            section.addClassName("probe-group");
            groups.add(section);
        });
        if (slice.isEmpty()) {
            groups.add(new Span(all.isEmpty() ? "No probe targets yet. An admin adds them under Probe targets."
                    : "No target matches the filter."));
        }
    }

    /** For tests: the tile of a target when it is on the current page. */
    ProbeTile tile(String key) {
        return tiles.get(key);
    }

    GoldenPathChain golden() {
        return golden;
    }
}
