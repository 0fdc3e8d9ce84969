package org.remediation.console.incident.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.remediation.console.criteria.ui.CriterionBadge;
import org.remediation.console.incident.CriterionState;

/** A criterion decided by live probe data: its measure, live value and state; nobody ticks it by hand. */
class MeasuredCriterionRow extends Div {

    MeasuredCriterionRow(CriterionState criterion) {
        addClassNames("criterion-row", "criterion-row-measured");
        setId("criterion-" + criterion.key());
        Span text = new Span(criterion.text());
        text.addClassName("criterion-text");
        Span measure = new Span(criterion.measure());
        measure.addClassNames("mono", "criterion-key");
        add(text, measure);
        if (criterion.status() != null) {
            add(new CriterionBadge(criterion.status()));
        } else {
            add(new Span("not evaluated yet"));
        }
    }
}
