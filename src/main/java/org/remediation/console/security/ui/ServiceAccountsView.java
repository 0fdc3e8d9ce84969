package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.AccountKind;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.ApiTokenSummary;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.security.UserSummary;

/**
 * Admins: service accounts (CI, the Prometheus scrape) and their tokens, and every token in the console,
 * any of which an admin may revoke.
 */
@Route("admin/service-accounts")
@PageTitle("Service accounts · Remediation Console")
@Menu(order = 80.5, title = "Service accounts")
@RolesAllowed(Roles.ADMIN)
public class ServiceAccountsView extends Main {

    private final UserAdminService admin;
    private final ApiTokenService tokens;
    private final Grid<UserSummary> accounts = new Grid<>();
    private final TokenGrid tokenGrid;
    private final Checkbox everyone = new Checkbox("Show people's personal tokens too");
    private Map<String, UserSummary> byName = Map.of();
    private List<ApiTokenSummary> allTokens = List.of();

    public ServiceAccountsView(UserAdminService admin, ApiTokenService tokens) {
        this.admin = admin;
        this.tokens = tokens;
        addClassName("page");
        Button create = new Button("New service account", e -> new ServiceAccountDialog(admin, this::refresh).open());
        create.setId("new-service-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accounts.setId("service-accounts");
        accounts.addColumn(UserSummary::username).setHeader("Username").setAutoWidth(true);
        accounts.addColumn(UserSummary::displayName).setHeader("Name").setAutoWidth(true);
        accounts.addColumn(u -> roles(u)).setHeader("Roles").setAutoWidth(true);
        accounts.addColumn(u -> u.enabled() ? "active" : "disabled").setHeader("Status").setAutoWidth(true);
        accounts.addColumn(u -> activeTokens(u.username()) + " active").setHeader("Tokens").setAutoWidth(true);
        accounts.addComponentColumn(this::newTokenButton).setHeader("").setKey("new-token").setAutoWidth(true);
        accounts.setAllRowsVisible(true);
        Function<String, String> owner = name -> byName.containsKey(name)
                && byName.get(name).kind() == AccountKind.SERVICE ? name + " (service account)" : name;
        tokenGrid = new TokenGrid(tokens, owner, this::refresh);
        tokenGrid.setId("all-tokens");
        everyone.setId("show-personal-tokens");
        everyone.addValueChangeListener(e -> showTokens());
        add(new H1("Service accounts"), new Paragraph("Accounts for automation: they never sign in and act only "
                + "through their tokens. Disabling one (under Users) revokes its tokens at once."), create, accounts,
                new H2("API tokens"), everyone, tokenGrid);
        refresh();
    }

    private Button newTokenButton(UserSummary account) {
        Button button = new Button("New token", e -> new NewTokenDialog("New token for " + account.username(),
                account.roles(), account.roles(),
                (name, validFor, roles) -> tokens.createForServiceAccount(account.username(), name, validFor, roles),
                this::refresh).open());
        button.setId("new-token-" + account.username());
        return button;
    }

    private long activeTokens(String username) {
        return allTokens.stream().filter(t -> t.owner().equals(username) && t.active()).count();
    }

    private static String roles(UserSummary u) {
        return String.join(", ", new TreeSet<>(u.roles().stream().map(Enum::name).toList()));
    }

    private void refresh() {
        List<UserSummary> users = admin.listUsers();
        byName = users.stream().collect(Collectors.toMap(UserSummary::username, u -> u));
        allTokens = tokens.allTokens();
        accounts.setItems(users.stream().filter(u -> u.kind() == AccountKind.SERVICE).toList());
        showTokens();
    }

    private void showTokens() {
        Set<String> services = byName.values().stream().filter(u -> u.kind() == AccountKind.SERVICE)
                .map(UserSummary::username).collect(Collectors.toSet());
        tokenGrid.setItems(everyone.getValue() ? allTokens
                : allTokens.stream().filter(t -> services.contains(t.owner())).toList());
    }
}
