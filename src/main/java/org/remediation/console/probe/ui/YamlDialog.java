package org.remediation.console.probe.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.probe.ProbeTargetService;

/** Paste YAML to import (all or nothing), or copy the exported YAML. Format: docs/probes.md. */
final class YamlDialog {

    private YamlDialog() {
    }

    static Dialog importer(ProbeTargetService service) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Import probe targets (YAML)");
        TextArea yaml = new TextArea();
        yaml.setWidthFull();
        yaml.setMinHeight("320px");
        yaml.setPlaceholder("targets:\n  - key: backend-health\n    ...");
        Paragraph errors = new Paragraph();
        errors.addClassName("yaml-errors");
        Button run = new Button("Import", e -> {
            try {
                ProbeTargetService.ImportReport r = service.importYaml(yaml.getValue());
                Notices.success(r.created() + " created, " + r.updated() + " updated");
                d.close();
            } catch (InvalidInputException ex) {
                errors.setText("Nothing was imported. " + ex.getMessage());
            }
        });
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.add(yaml, errors);
        d.getFooter().add(new Button("Cancel", e -> d.close()), run);
        d.setWidth("760px");
        return d;
    }

    static Dialog exporter(String text) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Probe targets (YAML)");
        TextArea yaml = new TextArea();
        yaml.setValue(text);
        yaml.setReadOnly(true);
        yaml.setWidthFull();
        yaml.setMinHeight("360px");
        d.add(new Paragraph("Credentials appear only as secret: references."), yaml);
        d.getFooter().add(new Button("Close", e -> d.close()));
        d.setWidth("760px");
        return d;
    }
}
