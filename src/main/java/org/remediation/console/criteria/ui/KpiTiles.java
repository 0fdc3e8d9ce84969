package org.remediation.console.criteria.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.criteria.CriteriaDefined;
import org.remediation.console.criteria.CriteriaEvaluated;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionOwner;
import org.remediation.console.criteria.CriterionStateChanged;
import org.remediation.console.criteria.CriterionStatus;
import org.remediation.console.criteria.CriterionText;
import org.remediation.console.criteria.MeasuredCriterion;
import org.remediation.console.base.HumanTime;

/**
 * The incident's KPIs as large tiles for the top of the board, kept live through push: state
 * changes, new values after each evaluation round, and redefinitions.
 */
public class KpiTiles extends Div {

    private final CriteriaService criteria;
    private final String incidentKey;
    private final Map<String, KpiTile> tiles = new HashMap<>();
    private final Map<String, String> trendStamp = new HashMap<>();

    public KpiTiles(CriteriaService criteria, LiveEvents live, String incidentKey) {
        this.criteria = criteria;
        this.incidentKey = incidentKey;
        addClassName("kpi-tiles");
        setId("kpi-tiles");
        rebuild();
        LiveSubscription.bind(this, live, CriterionStateChanged.class, e -> {
            if (e.owner().incidentKey().equals(incidentKey) && e.owner().isKpi()) {
                refresh();
            }
        });
        LiveSubscription.bind(this, live, CriteriaEvaluated.class, e -> {
            if (e.incidentKeys().contains(incidentKey)) {
                refresh();
            }
        });
        LiveSubscription.bind(this, live, CriteriaDefined.class, e -> {
            if (e.incidentKey().equals(incidentKey) && e.phaseKey().isEmpty()) {
                rebuild();
            }
        });
    }

    /** The tile of one KPI, for tests and for the board to focus. */
    public @Nullable KpiTile tile(String criterionKey) {
        return tiles.get(criterionKey);
    }

    private void rebuild() {
        removeAll();
        tiles.clear();
        trendStamp.clear();
        List<CriterionStatus> kpis = criteria.kpis(incidentKey);
        if (kpis.isEmpty()) {
            Span none = new Span("No KPIs defined for this incident.");
            none.addClassName("kpi-none");
            add(none);
            return;
        }
        for (CriterionStatus s : kpis) {
            KpiTile tile = new KpiTile(s);
            tiles.put(s.owner().criterionKey(), tile);
            add(tile);
            updateTrend(tile, s);
        }
    }

    private void refresh() {
        List<CriterionStatus> kpis = criteria.kpis(incidentKey);
        if (kpis.size() != tiles.size()) {
            rebuild();
            return;
        }
        for (CriterionStatus s : kpis) {
            KpiTile tile = tiles.get(s.owner().criterionKey());
            if (tile == null) {
                rebuild();
                return;
            }
            tile.update(s);
            updateTrend(tile, s);
        }
    }

    /**
     * The trend and the recovery line move per minute bucket: recomputed once a minute, or at once
     * when the state changes.
     */
    private void updateTrend(KpiTile tile, CriterionStatus s) {
        Instant minute = s.evaluatedAt() == null ? Instant.EPOCH : s.evaluatedAt().truncatedTo(ChronoUnit.MINUTES);
        String stamp = minute + "/" + s.state();
        if (stamp.equals(trendStamp.put(s.owner().criterionKey(), stamp))) {
            return;
        }
        CriterionOwner owner = CriterionOwner.kpi(incidentKey, s.owner().criterionKey());
        tile.trend(criteria.trend(owner), thresholdOf(s), thresholdLabel(s));
        tile.recovering(criteria.recovering(owner).map(r -> "Recovering: last " + HumanTime.duration(r.span())
                + " OK, window still " + HumanTime.duration(r.window())).orElse(""));
    }

    private @Nullable Double thresholdOf(CriterionStatus s) {
        return criteria.thresholdValue(s.owner()).orElse(null);
    }

    /**
     * The threshold as written ({@code 70 %}, {@code 5 s}, {@code 80}) to label its line: a metric's
     * threshold is in the metric's unit, a latency's is drawn in ms but read as the criterion says.
     */
    static String thresholdLabel(CriterionStatus s) {
        try {
            return CriterionText.parse(s.text()) instanceof MeasuredCriterion c && !c.improvement()
                    && !c.threshold().isWord() ? c.threshold().display() : "";
        } catch (IllegalArgumentException e) {
            return ""; // stored definitions parse; should the grammar move on, the line stays, unlabelled
        }
    }
}
