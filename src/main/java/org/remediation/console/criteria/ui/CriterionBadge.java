package org.remediation.console.criteria.ui;

import com.vaadin.flow.component.html.Span;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.criteria.CriterionStatus;

/**
 * One criterion inline: a measured one shows its live value against the threshold and its state; a
 * manual one is drawn differently (dashed, a hand mark, who confirmed it) so nobody mistakes a claim
 * for a measurement.
 */
public class CriterionBadge extends Span {

    private final Span kind = new Span();
    private final Span value = new Span();
    private final StatusBadge state = new StatusBadge("", StatusBadge.Tone.NEUTRAL);

    public CriterionBadge(CriterionStatus status) {
        addClassName("criterion-badge");
        kind.addClassName("criterion-kind");
        value.addClassName("criterion-value");
        add(kind, value, state);
        update(status);
    }

    public final void update(CriterionStatus s) {
        setClassName("criterion-manual", s.manual());
        setClassName("criterion-measured", !s.manual());
        kind.setText(s.manual() ? "✋ manual" : "📈 measured");
        if (s.manual()) {
            value.setText(s.met() ? "confirmed by " + s.confirmedBy() : "awaiting confirmation");
        } else {
            value.setText(s.valueText() + " (needs " + s.thresholdText() + ")");
        }
        state.setText(s.state().label());
        state.setTone(StateTone.of(s.state()));
        getElement().setAttribute("title", s.label() + ": " + s.detail() + ", " + StateTone.since(s.since()));
        getElement().setAttribute("data-state", s.state().name());
    }

    public String valueText() {
        return value.getText();
    }

    public String stateText() {
        return state.getText();
    }
}
