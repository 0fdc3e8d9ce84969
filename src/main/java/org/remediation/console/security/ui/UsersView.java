package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.TreeSet;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.security.UserSummary;

@Route("admin/users")
@PageTitle("Users · Remediation Console")
@Menu(order = 80, title = "Users")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends Main {

    private final UserAdminService admin;
    private final Grid<UserSummary> grid = new Grid<>();

    public UsersView(UserAdminService admin) {
        this.admin = admin;
        addClassName("page");
        Button create = new Button("New user", e -> new UserDialog(admin, null, this::refresh).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", new TreeSet<>(u.roles().stream().map(Enum::name).toList())))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "active" : "disabled")
                .setHeader("Status").setAutoWidth(true);
        grid.addItemClickListener(e -> new UserDialog(admin, e.getItem(), this::refresh).open());
        add(new H1("Users"), create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(admin.listUsers());
    }
}
