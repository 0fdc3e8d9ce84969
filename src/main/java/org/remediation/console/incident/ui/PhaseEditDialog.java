package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.PhaseEdit;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.RunbookYaml;
import org.remediation.console.incident.Severity;

/** The commander edits a phase's plan: title, priority, owners, window, rollback and escalation. */
class PhaseEditDialog extends Dialog {

    PhaseEditDialog(PhaseState phase, List<String> teams, IncidentService incidents) {
        setHeaderTitle("Edit " + phase.title());
        setId("phase-edit-dialog");
        TextField title = new TextField("Title");
        title.setValue(phase.title());
        Select<Severity> priority = new Select<>();
        priority.setLabel("Priority");
        priority.setItems(Severity.values());
        priority.setValue(phase.priority());
        Select<String> owner = new Select<>();
        owner.setLabel("Owner team");
        owner.setItems(teams);
        owner.setValue(phase.ownerTeam());
        MultiSelectComboBox<String> supporting = new MultiSelectComboBox<>("Supporting teams");
        supporting.setItems(teams);
        supporting.setValue(phase.supportingTeams());
        TextField start = new TextField("Window start (e.g. 0h, 90m)");
        start.setValue(RunbookYaml.offset(phase.windowStartMinutes()));
        start.setId("phase-window-start");
        TextField end = new TextField("Window end");
        end.setValue(RunbookYaml.offset(phase.windowEndMinutes()));
        end.setId("phase-window-end");
        TextArea rollback = new TextArea("Rollback procedure");
        rollback.setValue(phase.rollback());
        TextArea escalation = new TextArea("Escalation rules");
        escalation.setValue(phase.escalation());
        FormLayout form = new FormLayout(title, priority, owner, supporting, start, end, rollback, escalation);
        form.setColspan(rollback, 2);
        form.setColspan(escalation, 2);
        add(form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("title", title, "windowStart", start,
                "windowEnd", end, "rollback", rollback, "escalation", escalation);
        Button save = new Button("Save", e -> {
            Integer from = RunbookYaml.minutes(start.getValue());
            Integer to = RunbookYaml.minutes(end.getValue());
            try {
                if (from == null || to == null) {
                    throw new InvalidInputException(from == null ? "windowStart" : "windowEnd",
                            "write an offset like 4h, 90m or 1h30m");
                }
                incidents.editPhase(phase.id(), new PhaseEdit(title.getValue(), priority.getValue(), owner.getValue(),
                        new ArrayList<>(supporting.getValue()), from, to, rollback.getValue(), escalation.getValue()));
                Notices.success("Phase saved");
                close();
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, fields);
            }
        });
        save.setId("phase-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
