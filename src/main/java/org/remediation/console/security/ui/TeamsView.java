package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.TeamSummary;
import org.remediation.console.security.UserAdminService;

@Route("admin/teams")
@PageTitle("Teams · Remediation Console")
@Menu(order = 81, title = "Teams")
@RolesAllowed(Roles.ADMIN)
public class TeamsView extends Main {

    private final UserAdminService admin;
    private final Grid<TeamSummary> grid = new Grid<>();

    public TeamsView(UserAdminService admin) {
        this.admin = admin;
        addClassName("page");
        TextField name = new TextField();
        name.setPlaceholder("New team name");
        name.setId("team-name");
        Button create = new Button("Create team", e -> {
            try {
                admin.createTeam(name.getValue());
                name.clear();
                Notices.success("Team created");
                refresh();
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, Map.of("name", name));
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(TeamSummary::name).setHeader("Team").setAutoWidth(true);
        grid.addColumn(t -> t.lead() == null ? "—" : t.lead()).setHeader("Lead").setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", t.members())).setHeader("Members");
        grid.addItemClickListener(e -> new TeamDialog(admin, e.getItem(), this::refresh).open());
        add(new H1("Teams"), new HorizontalLayout(name, create), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(admin.listTeams());
    }
}
