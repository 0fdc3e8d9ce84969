package org.remediation.console.incident.ui;

import org.remediation.console.base.ui.Focus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.PhaseStatus;

/** The commander's controls on a phase: set it pending/active/blocked, edit its plan. */
class PhaseCommandBar extends Div {

    PhaseCommandBar(PhaseState phase, List<String> teams, IncidentService incidents) {
        addClassName("incident-actions");
        if (!phase.signedOff()) {
            Select<PhaseStatus> status = new Select<>();
            status.setAriaLabel("Phase status");
            status.setId("phase-status");
            status.setItems(PhaseStatus.PENDING, PhaseStatus.ACTIVE, PhaseStatus.BLOCKED, PhaseStatus.AWAITING_SIGN_OFF);
            status.setItemLabelGenerator(PhaseStatus::label);
            status.setValue(phase.status());
            status.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null && e.getValue() != phase.status()) {
                    try {
                        incidents.setPhaseStatus(phase.id(), e.getValue());
                    } catch (InvalidInputException ex) {
                        Notices.error(ex.getMessage());
                    }
                }
            });
            add(status);
        }
        Button edit = new Button("Edit phase", e -> {
            PhaseEditDialog dialog = new PhaseEditDialog(phase, teams, incidents);
            Focus.returnOnClose(dialog, "edit-phase");
            dialog.open();
        });
        edit.setId("edit-phase");
        add(edit);
    }
}
