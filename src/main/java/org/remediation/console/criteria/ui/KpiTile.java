package org.remediation.console.criteria.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.ui.Sparkline;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.base.ui.StyleSwitch;
import org.remediation.console.base.ui.Texts;
import org.remediation.console.criteria.CriterionState;
import org.remediation.console.criteria.CriterionStatus;

/**
 * One large KPI tile: label, the live figure (for a group or golden path, the step that decided it
 * underneath), the threshold with the window it judges, state with since, a "recovering" line when
 * the recent past meets the threshold while the window does not yet, and the last hour's trend.
 */
public class KpiTile extends Div {

    private static final List<String> STATE_CLASSES =
            java.util.Arrays.stream(CriterionState.values()).map(KpiTile::css).toList();

    private final Span label = new Span();
    private final Span value = new Span();
    private final Span worst = new Span();
    private final Span threshold = new Span();
    private final Span recovering = new Span();
    private final StatusBadge state = new StatusBadge("", StatusBadge.Tone.NEUTRAL);
    private final Span since = new Span();
    private final Sparkline trend = new Sparkline(160, 32);

    KpiTile(CriterionStatus status) {
        addClassName("kpi-tile");
        label.addClassName("kpi-label");
        value.addClassName("kpi-value");
        worst.addClassName("kpi-worst");
        threshold.addClassName("kpi-threshold");
        recovering.addClassName("kpi-recovering");
        since.addClassName("kpi-since");
        Div stateRow = new Div(state, since);
        stateRow.addClassName("kpi-state");
        // a KPI turning met or not met is announced; its value, which moves every round, is not
        state.getElement().setAttribute("aria-live", "polite").setAttribute("aria-atomic", "true");
        add(label, value, worst, threshold, stateRow, recovering, trend);
        setId("kpi-" + status.owner().criterionKey());
        update(status);
    }

    final void update(CriterionStatus s) {
        Texts.set(label, s.label());
        Texts.set(value, s.manual() ? (s.met() ? "confirmed" : "unconfirmed") : s.headline());
        Texts.set(worst, s.decidedBy() == null ? "" : (s.met() ? "worst step: " : "failing step: ") + s.decidedBy());
        worst.setVisible(s.decidedBy() != null);
        Texts.set(threshold, s.manual() ? "manual" : "target " + s.thresholdText());
        Texts.set(state, s.state().label());
        state.setTone(StateTone.of(s.state()));
        Texts.set(since, StateTone.since(s.since()));
        StyleSwitch.select(this, STATE_CLASSES, css(s.state()));
        getElement().setAttribute("title", s.text() + " — " + s.detail());
    }

    /** The recent past meets the threshold while the tile's window does not yet (empty: no such line). */
    void recovering(String text) {
        Texts.set(recovering, text);
        recovering.setVisible(!text.isEmpty());
    }

    public String recoveringText() {
        return recovering.isVisible() ? recovering.getText() : "";
    }

    public String worstText() {
        return worst.isVisible() ? worst.getText() : "";
    }

    private static String css(CriterionState state) {
        return "kpi-" + state.name().toLowerCase();
    }

    /** The last hour's trend with the threshold line, labelled {@code thresholdText} (e.g. {@code 70 %}). */
    void trend(List<@Nullable Double> values, @Nullable Double thresholdValue, String thresholdText) {
        trend.setValues(values, thresholdValue, thresholdText);
    }

    public String valueText() {
        return value.getText();
    }

    public String stateText() {
        return state.getText();
    }

    public String trendSvg() {
        return trend.getElement().getProperty("innerHTML", "");
    }
}
