package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;

/**
 * Every person's own API tokens: create one for a script, see when each was last used, revoke. The roles
 * that may sign in are the ones that may hold personal tokens (service accounts get theirs from an admin).
 */
@Route("account/tokens")
@PageTitle("API tokens · Remediation Console")
@Menu(order = 95, title = "API tokens")
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.TEAM_LEAD, Roles.OPERATOR, Roles.COMMANDER, Roles.ADMIN})
public class ApiTokensView extends Main {

    private final ApiTokenService tokens;
    private final TokenGrid grid;

    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        addClassName("page");
        grid = new TokenGrid(tokens, null, this::refresh);
        grid.setId("my-tokens");
        Button create = new Button("New token", e -> newToken());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H1("API tokens"), new Paragraph("A token lets a script call the console's API (/api/v1) as you, "
                + "with the roles you give it, for as long as you hold them. Send it as 'Authorization: Bearer …'. "
                + "The value is shown once, when created; the console keeps only a hash."), create, grid);
        refresh();
    }

    /**
     * The form offers only the roles the person holds and ticks none: a token outlives the session and is
     * copied into other systems, so each role it carries should be a deliberate choice (least privilege).
     */
    private void newToken() {
        Set<Role> own = Arrays.stream(Role.values()).filter(r -> CurrentUser.hasRole(r.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        new NewTokenDialog("New API token", own, Set.of(), tokens::createPersonal, this::refresh).open();
    }

    private void refresh() {
        grid.setItems(tokens.myTokens());
    }
}
