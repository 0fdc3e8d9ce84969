package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.Severity;

/** The commander edits the incident's title, severity, business impact and commander. */
class IncidentEditDialog extends Dialog {

    IncidentEditDialog(IncidentSummary incident, IncidentService incidents) {
        setHeaderTitle("Edit " + incident.key());
        TextField title = new TextField("Title");
        title.setValue(incident.title());
        Select<Severity> severity = new Select<>();
        severity.setLabel("Severity");
        severity.setItems(Severity.values());
        severity.setValue(incident.severity());
        TextField commander = new TextField("Commander (username)");
        commander.setValue(incident.commander());
        TextArea impact = new TextArea("Business impact");
        impact.setValue(incident.businessImpact());
        FormLayout form = new FormLayout(title, severity, commander, impact);
        form.setColspan(impact, 2);
        add(form);
        Button save = new Button("Save", e -> {
            try {
                incidents.update(incident.key(), title.getValue(), severity.getValue(), impact.getValue(),
                        commander.getValue());
                close();
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, Map.of("title", title, "commander", commander, "businessImpact", impact));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
