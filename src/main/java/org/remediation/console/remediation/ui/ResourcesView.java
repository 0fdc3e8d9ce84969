package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.remediation.ActionChanged;
import org.remediation.console.remediation.RemediationService;

/** The current state of every cloud resource, read live through the gateway. */
@Route("resources")
@PageTitle("Resources · Remediation Console")
@Menu(order = 45, title = "Resources")
@PermitAll
public class ResourcesView extends Main {

    private final RemediationService service;
    private final Grid<ResourceState> grid = new Grid<>();

    public ResourcesView(RemediationService service, LiveEvents live) {
        this.service = service;
        addClassName("page");
        grid.setId("resources");
        grid.addColumn(s -> s.ref().kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(s -> s.ref().location() + "/" + s.ref().name()).setHeader("Name").setAutoWidth(true);
        grid.addComponentColumn(s -> {
            String state = s.get(Attributes.STATE).orElse(s.get("error").isPresent() ? "UNREADABLE" : "?");
            boolean ok = state.equals("READY") || state.equals("RUNNABLE") || state.equals("ACTIVE");
            return new StatusBadge(state, ok ? StatusBadge.Tone.OK : StatusBadge.Tone.WARN);
        }).setHeader("State").setAutoWidth(true);
        grid.addColumn(s -> s.attributes().entrySet().stream().filter(e -> !e.getKey().equals(Attributes.STATE))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("  "))).setHeader("Attributes").setFlexGrow(1);
        add(new H1("Resources"), new Paragraph("Live from the " + service.cloudName() + " cloud."), grid);
        LiveSubscription.bind(this, live, ActionChanged.class, e -> refresh());
        refresh();
    }

    private void refresh() {
        grid.setItems(service.resources());
    }
}
