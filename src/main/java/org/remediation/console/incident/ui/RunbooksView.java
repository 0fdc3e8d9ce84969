package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.Runbook;
import org.remediation.console.incident.RunbookCheck;
import org.remediation.console.incident.RunbookImport;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.incident.RunbookWarning;

/** Runbooks as code: validate and import YAML as a new incident, export an incident's plan. */
@Route("runbooks")
@PageTitle("Runbooks · Remediation Console")
@Menu(order = 2, title = "Runbooks")
@RolesAllowed(Roles.COMMANDER)
public class RunbooksView extends Main {

    private final RunbookService runbooks;
    private final TextArea yaml = new TextArea("Runbook YAML (format: docs/runbook-format.md)");
    private final TextField key = new TextField("New incident key");
    private final UnorderedList problems = new UnorderedList();

    public RunbooksView(RunbookService runbooks, IncidentService incidents) {
        this.runbooks = runbooks;
        addClassName("page");
        yaml.setId("runbook-yaml");
        yaml.addClassName("mono");
        yaml.setWidthFull();
        yaml.setHeight("50vh");
        key.setId("runbook-incident-key");
        key.setPlaceholder("INC-1300");
        problems.setId("runbook-problems");
        Button template = new Button("Load the #1278 template", e -> yaml.setValue(runbooks.templateYaml("inc-1278")));
        template.setId("runbook-template");
        Button validate = new Button("Validate", e -> validate());
        validate.setId("runbook-validate");
        Button importIt = new Button("Open incident from runbook", e -> importRunbook());
        importIt.setId("runbook-import");
        importIt.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("Runbooks"), new H3("Import"), new Div(template), yaml, key, new Div(validate, importIt), problems);
        add(new H3("Export"), exportBox(incidents));
    }

    private void validate() {
        problems.removeAll();
        try {
            RunbookCheck checked = runbooks.check(yaml.getValue());
            Runbook runbook = checked.runbook();
            String valid = "Valid: " + runbook.phases().size() + " phases, " + runbook.phases().stream()
                    .mapToInt(p -> p.tasks().size()).sum() + " tasks";
            if (checked.warnings().isEmpty()) {
                Notices.success(valid);
            } else {
                showWarnings(checked.warnings());
                Notices.warning(valid + ", " + warnings(checked.warnings()));
            }
        } catch (InvalidInputException e) {
            show(e);
        }
    }

    private void importRunbook() {
        problems.removeAll();
        try {
            RunbookImport imported = runbooks.importAsIncident(key.getValue(), yaml.getValue());
            IncidentSummary created = imported.incident();
            if (imported.warnings().isEmpty()) {
                Notices.success("Incident " + created.key() + " opened");
            } else {
                Notices.warning("Incident " + created.key() + " opened, " + warnings(imported.warnings()));
            }
            getUI().ifPresent(ui -> ui.navigate("", QueryParameters.of("incident", created.key())));
        } catch (InvalidInputException e) {
            show(e);
            Notices.showProblems(e, Map.of("incidentKey", key));
        }
    }

    private void showWarnings(List<RunbookWarning> warnings) {
        warnings.forEach(w -> {
            ListItem item = new ListItem("warning: " + w);
            item.addClassName("runbook-warning");
            problems.add(item);
        });
    }

    /** "with 1 warning: …" / "with 2 warnings: … · …", for a notification that outlives this view. */
    private static String warnings(List<RunbookWarning> warnings) {
        return "with " + warnings.size() + (warnings.size() == 1 ? " warning: " : " warnings: ")
                + String.join(" · ", warnings.stream().map(RunbookWarning::toString).toList());
    }

    private void show(InvalidInputException e) {
        e.problems().forEach(p -> problems.add(new ListItem(p.toString())));
    }

    private Div exportBox(IncidentService incidents) {
        Select<IncidentSummary> incident = new Select<>();
        incident.setLabel("Incident");
        incident.setItems(incidents.list());
        incident.setItemLabelGenerator(i -> i.key() + " · " + i.title());
        incident.setId("export-incident");
        TextArea out = new TextArea("Exported YAML");
        out.setId("export-yaml");
        out.addClassName("mono");
        out.setWidthFull();
        out.setReadOnly(true);
        Button export = new Button("Export", e -> {
            if (incident.getValue() != null) {
                out.setValue(runbooks.export(incident.getValue().key()));
            }
        });
        export.setId("export-run");
        return new Div(incident, export, Clipboard.button("Copy", out::getValue), out);
    }
}
