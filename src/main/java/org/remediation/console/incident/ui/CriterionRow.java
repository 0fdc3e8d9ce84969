package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.remediation.console.base.HumanTime;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.ui.CriterionBadge;
import org.remediation.console.incident.CriterionState;

/**
 * A manual success criterion: its state (the criteria feature's), the evidence and who confirmed it,
 * and — for a lead of the owning team or a commander — a field to confirm it with evidence.
 */
class CriterionRow extends Div {

    CriterionRow(CriterionState criterion, boolean mayConfirm, CriteriaService criteria, Runnable reload) {
        addClassName("criterion-row");
        setId("criterion-" + criterion.key());
        Span text = new Span(criterion.text());
        text.addClassName("criterion-text");
        Span key = new Span(criterion.key() + (criterion.probe() == null ? "" : " · probe " + criterion.probe()));
        key.addClassName("criterion-key");
        add(text, key);
        if (criterion.status() != null) {
            add(new CriterionBadge(criterion.status()));
        }
        if (criterion.met() && criterion.confirmedBy() != null && criterion.confirmedAt() != null) {
            Span who = new Span("confirmed by " + criterion.confirmedBy() + " at "
                    + HumanTime.time(criterion.confirmedAt()) + ": " + criterion.evidence());
            who.addClassName("task-who");
            who.setId("confirmed-" + criterion.key());
            add(who);
        }
        if (mayConfirm) {
            TextField evidence = new TextField();
            evidence.setPlaceholder("Evidence (what shows it is met) — required");
            evidence.setId("evidence-" + criterion.key());
            evidence.setWidthFull();
            Button confirm = new Button(criterion.met() ? "Confirm again" : "Confirm met",
                    e -> TaskRow.apply(() -> criteria.confirmManual(criterion.owner(), evidence.getValue()), reload));
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL);
            confirm.setId("confirm-" + criterion.key());
            add(evidence, confirm);
        }
    }
}
