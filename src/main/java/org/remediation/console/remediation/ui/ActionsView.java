package org.remediation.console.remediation.ui;

import org.remediation.console.base.identity.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.remediation.ActionChanged;
import org.remediation.console.remediation.ActionFilter;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.WatchAlert;
import org.remediation.console.base.identity.CurrentUser;

/** In-flight actions with live progress, and the filterable history of every action. */
@Route("actions")
@PageTitle("Actions · Remediation Console")
@Menu(order = 40, title = "Actions")
@PermitAll
public class ActionsView extends Main {

    private final RemediationService service;
    private final InFlightPanel inFlight = new InFlightPanel();
    private final Div banner = new Div();
    private final ComboBox<ActionStatus> status = new ComboBox<>("Status");
    private final ComboBox<ActionKind> kind = new ComboBox<>("Kind");
    private final TextField text = new TextField("Resource, requester or reason");
    private final Grid<ActionRecord> grid = new Grid<>();

    public ActionsView(RemediationService service, LiveEvents live) {
        this.service = service;
        addClassName("page");
        banner.setId("watch-banner");
        banner.addClassName("watch-banner");
        banner.setVisible(false);
        status.setItems(ActionStatus.values());
        status.setClearButtonVisible(true);
        kind.setItems(ActionKind.values());
        kind.setItemLabelGenerator(ActionKind::label);
        kind.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        status.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        grid.setId("action-history");
        grid.addColumn(a -> "#" + a.id()).setHeader("#").setAutoWidth(true);
        grid.addComponentColumn(a -> ActionFormat.badge(a)).setHeader("Status").setAutoWidth(true);
        grid.addColumn(a -> a.kind().label()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(a -> a.resource().toString()).setHeader("Resource").setAutoWidth(true);
        grid.addColumn(ActionRecord::requestedBy).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(a -> ActionFormat.time(a.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(ActionRecord::reason).setHeader("Reason").setFlexGrow(1);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("actions/" + e.getItem().id())));
        grid.setEmptyStateText("No action matches. Requests appear here the moment they are made; clear the filters"
                + " to see every action.");
        HorizontalLayout header = new HorizontalLayout(new H1("Actions"));
        if (CurrentUser.hasRole(Roles.OPERATOR) || CurrentUser.hasRole(Roles.COMMANDER)) {
            Button create = new Button("New action", e -> getUI().ifPresent(ui -> ui.navigate("actions/new")));
            create.setId("new-action");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(create);
        }
        header.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(header, banner, inFlight, new H3("History"), new HorizontalLayout(status, kind, text), grid);
        LiveSubscription.bind(this, live, ActionChanged.class, e -> refresh());
        LiveSubscription.bind(this, live, WatchAlert.class, this::alert);
        refresh();
    }

    private void alert(WatchAlert alert) {
        banner.setText(alert.title() + (alert.rolledBack() ? " — rolled back automatically." : ""));
        banner.setVisible(true);
    }

    private void refresh() {
        inFlight.show(service.inFlight());
        grid.setItems(service.history(new ActionFilter(status.getValue(), kind.getValue(), text.getValue()), 200));
    }
}
