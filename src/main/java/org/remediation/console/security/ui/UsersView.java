package org.remediation.console.security.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.TreeSet;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.AccountKind;
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
        grid.addColumn(u -> u.kind() == AccountKind.SERVICE ? "service account" : "person")
                .setHeader("Kind").setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", new TreeSet<>(u.roles().stream().map(Enum::name).toList())))
                .setHeader("Roles").setAutoWidth(true);
        grid.addColumn(u -> u.enabled() ? "active" : "disabled")
                .setHeader("Status").setAutoWidth(true);
        grid.addItemClickListener(e -> new UserDialog(admin, e.getItem(), this::refresh).open());
        grid.setId("users");
        Paragraph services = new Paragraph("Service accounts (automation that never signs in) are created and "
                + "given tokens under ");
        RouterLink link = new RouterLink("Service accounts", ServiceAccountsView.class);
        link.addClassName("text-link"); // a link inside text is underlined: colour alone fails WCAG 1.4.1
        services.add(link, new Text("."));
        add(new H1("Users"), services, create, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(admin.listUsers());
    }
}
