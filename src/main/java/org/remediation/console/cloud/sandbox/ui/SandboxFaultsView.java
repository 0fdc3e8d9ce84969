package org.remediation.console.cloud.sandbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.cloud.sandbox.Fault;
import org.remediation.console.cloud.sandbox.FaultRule;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.base.identity.Roles;
import org.springframework.beans.factory.ObjectProvider;

/** ADMIN: inject faults into the sandbox cloud for drills, and reset it to the #1278 outage state. */
@Route("admin/sandbox")
@PageTitle("Sandbox cloud · Remediation Console")
@Menu(order = 84, title = "Sandbox")
@RolesAllowed(Roles.ADMIN)
public class SandboxFaultsView extends Main {

    private final Grid<FaultRule> grid = new Grid<>();
    private final SandboxAdminService admin;

    public SandboxFaultsView(ObjectProvider<SandboxAdminService> provider, LiveEvents live) {
        addClassName("page");
        this.admin = provider.getIfAvailable();
        add(new H1("Sandbox cloud"));
        if (admin == null) {
            add(new Paragraph("The console runs against a real cloud (console.cloud.provider is not 'sandbox')."));
            return;
        }
        ComboBox<String> target = new ComboBox<>("Target (resource or operation kind)");
        target.setId("fault-target");
        target.setItems(admin.targets());
        target.setWidth("28em");
        Select<Fault> fault = new Select<>();
        fault.setLabel("Fault");
        fault.setId("fault-kind");
        fault.setItems(Fault.values());
        fault.setItemLabelGenerator(f -> f.name() + " — " + f.effect());
        fault.setValue(Fault.FAIL);
        Button set = new Button("Inject", e -> {
            try {
                admin.setFault(target.getValue(), fault.getValue());
                Notices.success("Fault injected");
            } catch (InvalidInputException ex) {
                Notices.error(ex.getMessage());
            }
        });
        set.setId("fault-set");
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Reset resources to the outage state", e -> {
            admin.resetTopology();
            Notices.success("Sandbox reset to the #1278 outage state");
        });
        reset.setId("sandbox-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        grid.setId("fault-list");
        grid.addColumn(FaultRule::target).setHeader("Target").setAutoWidth(true);
        grid.addColumn(r -> r.fault().name() + " — " + r.fault().effect()).setHeader("Fault").setAutoWidth(true);
        grid.addColumn(FaultRule::setBy).setHeader("Set by").setAutoWidth(true);
        grid.addColumn(r -> r.setAt().toString()).setHeader("Since").setAutoWidth(true);
        grid.addComponentColumn(r -> new Button("Clear", e -> admin.clearFault(r.target()))).setAutoWidth(true);
        HorizontalLayout form = new HorizontalLayout(target, fault, set);
        form.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(new Paragraph("Faults apply to new operations; each change is audited."), form, grid, reset);
        LiveSubscription.bind(this, live, SandboxAdminService.SandboxChanged.class, e -> refresh());
        refresh();
    }

    private void refresh() {
        grid.setItems(admin.faults());
    }
}
