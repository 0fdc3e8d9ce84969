package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.remediation.console.base.HumanTime;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.CriterionState;

/** A success criterion with its manual met/not-met and the evidence behind it. */
class CriterionRow extends Div {

    CriterionRow(CriterionState criterion, boolean editable, ChecklistService checklist, Runnable reload) {
        addClassName("criterion-row");
        setId("criterion-" + criterion.key());
        Checkbox met = new Checkbox(criterion.text(), criterion.met());
        met.setId("met-" + criterion.key());
        met.setReadOnly(!editable);
        TextField evidence = new TextField();
        evidence.setPlaceholder("Evidence (what shows it is met)");
        evidence.setValue(criterion.evidence() == null ? "" : criterion.evidence());
        evidence.setReadOnly(!editable);
        evidence.setId("evidence-" + criterion.key());
        evidence.setWidthFull();
        Span key = new Span(criterion.key() + (criterion.probe() == null ? "" : " · probe " + criterion.probe()));
        key.addClassName("criterion-key");
        add(met, key, evidence);
        if (criterion.setBy() != null && criterion.setAt() != null) {
            Span who = new Span((criterion.met() ? "met" : "not met") + " per " + criterion.setBy() + " at "
                    + HumanTime.time(criterion.setAt()));
            who.addClassName("task-who");
            add(who);
        }
        if (editable) {
            Button save = new Button("Save assessment", e -> TaskRow.apply(() -> checklist.assess(criterion.id(),
                    criterion.version(), met.getValue(), evidence.getValue()), reload));
            save.addThemeVariants(ButtonVariant.LUMO_SMALL);
            save.setId("assess-" + criterion.key());
            add(save);
        }
    }
}
