package org.remediation.console.probe.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.probe.Durations;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetChanged;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.base.identity.Roles;

/** Admin: create, edit, enable/disable, delete probe targets; import and export them as YAML. */
@Route("admin/probes")
@PageTitle("Probe targets · Remediation Console")
@Menu(order = 82, title = "Probe targets")
@RolesAllowed(Roles.ADMIN)
public class ProbeTargetsView extends Main {

    private final ProbeTargetService service;
    private final Grid<ProbeTarget> grid = new Grid<>();

    public ProbeTargetsView(ProbeTargetService service, LiveEvents live) {
        this.service = service;
        addClassName("page");
        Button create = new Button("New target", e -> new TargetDialog(service, null).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-target");
        Button importYaml = new Button("Import YAML", e -> YamlDialog.importer(service).open());
        Button exportYaml = new Button("Export YAML", e -> YamlDialog.exporter(service.exportYaml()).open());
        grid.addColumn(ProbeTarget::key).setHeader("Key").setAutoWidth(true).setSortable(true);
        grid.addColumn(ProbeTarget::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> t.kind().name()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(ProbeTarget::group).setHeader("Group").setAutoWidth(true).setSortable(true);
        grid.addColumn(t -> Durations.format(t.interval()) + " / " + Durations.format(t.timeout()))
                .setHeader("Interval / timeout").setAutoWidth(true);
        grid.addColumn(t -> t.goldenStep() == null ? "" : t.goldenStep() + " " + ProbeTarget.GOLDEN_STEPS[t.goldenStep() - 1])
                .setHeader("Golden path").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        add(new H1("Probe targets"), new HorizontalLayout(create, importYaml, exportYaml), grid);
        refresh();
        LiveSubscription.bind(this, live, ProbeTargetChanged.class, e -> refresh());
    }

    private HorizontalLayout actions(ProbeTarget t) {
        Button edit = new Button("Edit", e -> new TargetDialog(service, t).open());
        Button toggle = new Button(t.enabled() ? "Disable" : "Enable", e -> guarded(() -> service.setEnabled(t.key(), !t.enabled()),
                t.enabled() ? "Target disabled" : "Target enabled"));
        Button delete = new Button("Delete", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Delete " + t.key() + "?",
                    "Its schedule stops at once. Stored results stay until retention removes them.", "Delete",
                    ok -> guarded(() -> service.delete(t.key()), "Target deleted"));
            confirm.setCancelable(true);
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, toggle, delete);
    }

    private void guarded(Runnable action, String done) {
        try {
            action.run();
            Notices.success(done);
        } catch (InvalidInputException ex) {
            Notices.error(ex.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(service.list());
    }
}
