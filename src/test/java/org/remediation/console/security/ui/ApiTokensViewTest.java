package org.remediation.console.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.ApiTokenSummary;
import org.remediation.console.security.NewApiToken;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** account/tokens: a person creates, sees and revokes their own tokens; the value is shown once. */
class ApiTokensViewTest extends KaribuTest {

    @Autowired UserAdminService admin;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate jdbc;

    /** A fresh person with these roles, signed in, on account/tokens. */
    String signedInOnTokens(Role... roles) {
        String name = "k" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        As.user("admin", Role.ADMIN, () -> admin.createUser(name, "Karibu " + name, "Correct-horse-battery-7",
                Set.of(roles)));
        login(name, roles);
        navigate("account/tokens");
        return name;
    }

    long tokensOf(String username) {
        return jdbc.queryForObject("select count(*) from api_token t join app_user u on u.id = t.user_id"
                + " where u.username = ?", Long.class, username);
    }

    @SuppressWarnings("unchecked")
    static CheckboxGroup<Role> roles() {
        return _get(CheckboxGroup.class, spec -> spec.withId("token-roles"));
    }

    /** The revoke button in the token's row, if the row has one (rendered cells are outside the UI tree). */
    static java.util.Optional<Button> revokeButton(String gridId, long tokenId) {
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> grid = _get(Grid.class, spec -> spec.withId(gridId));
        int row = GridKt._findAll(grid).stream().map(ApiTokenSummary::id).toList().indexOf(tokenId);
        assertThat(row).as("token %s listed", tokenId).isNotNegative();
        return GridKt._getCellComponent(grid, row, "revoke") instanceof Button b ? java.util.Optional.of(b)
                : java.util.Optional.empty();
    }

    @Test
    void theNewTokenIsShownOnceThenOnlyItsPrefix() {
        String user = signedInOnTokens(Role.RESPONDER);
        _click(_get(Button.class, spec -> spec.withId("new-token")));
        _setValue(_get(TextField.class, spec -> spec.withId("token-name")), "ci-smoke");
        _setValue(roles(), Set.of(Role.RESPONDER));
        _click(_get(Button.class, spec -> spec.withId("token-create")));

        TextField value = _get(TextField.class, spec -> spec.withId("token-value"));
        String secret = value.getValue();
        assertThat(secret).startsWith("rcp_").hasSizeGreaterThan(40);
        assertThat(value.isReadOnly()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("token-once")).getText()).contains("Shown once — store it now");
        _get(Button.class, spec -> spec.withId("token-copy"));
        String prefix = jdbc.queryForObject("select t.prefix from api_token t join app_user u on u.id = t.user_id"
                + " where u.username = ?", String.class, user);
        assertThat(secret).startsWith(prefix);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, secret))
                .as("only a hash is stored").isZero();

        _click(_get(Button.class, spec -> spec.withId("token-done")));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        navigate("");
        navigate("account/tokens");
        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("my-tokens"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(grid, 0);
        assertThat(row).contains("ci-smoke", prefix + "…", "RESPONDER", "never", "active");
        assertThat(row).noneMatch(cell -> cell.contains(secret.substring(prefix.length())));
    }

    @Test
    void onlyTheUsersOwnRolesAreOfferedAndNoneIsTickedByDefault() {
        signedInOnTokens(Role.OPERATOR, Role.RESPONDER);
        _click(_get(Button.class, spec -> spec.withId("new-token")));
        assertThat(roles().getListDataView().getItems()).containsExactlyInAnyOrder(Role.RESPONDER, Role.OPERATOR);
        assertThat(roles().getValue()).isEmpty();
        @SuppressWarnings("unchecked")
        Select<Integer> expiry = _get(Select.class, spec -> spec.withId("token-expiry"));
        assertThat(expiry.getValue()).isEqualTo(30);
        assertThat(expiry.getListDataView().getItems()).containsExactly(7, 30, 90, 365);
    }

    @Test
    void problemsAreShownBesideTheirFieldsAndNothingIsWritten() {
        String user = signedInOnTokens(Role.VIEWER);
        _click(_get(Button.class, spec -> spec.withId("new-token")));
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        TextField name = _get(TextField.class, spec -> spec.withId("token-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("Name the token");
        assertThat(roles().isInvalid()).isTrue();
        assertThat(roles().getErrorMessage()).contains("at least one role");
        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        assertThat(tokensOf(user)).isZero();

        As.user(user, Role.VIEWER, () -> tokens.createPersonal("grafana", null, Set.of(Role.VIEWER)));
        _setValue(name, "grafana");
        _setValue(roles(), Set.of(Role.VIEWER));
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("An active token named 'grafana' exists");
        assertThat(roles().isInvalid()).isFalse();
        assertThat(tokensOf(user)).isEqualTo(1);
    }

    @Test
    void aTokenIsRevokedAfterConfirmation() {
        String user = signedInOnTokens(Role.VIEWER);
        NewApiToken created = As.user(user, Role.VIEWER,
                () -> tokens.createPersonal("old-script", Duration.ofDays(7), Set.of(Role.VIEWER)));
        navigate("account/tokens");
        Button revoke = revokeButton("my-tokens", created.token().id()).orElseThrow();
        assertThat(revoke.getId()).hasValue("revoke-" + created.token().id());
        _click(revoke);
        _click(_get(Button.class, spec -> spec.withId("cancel-revoke-token")));
        assertThat(revoked(created)).isFalse();

        _click(revokeButton("my-tokens", created.token().id()).orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("yes-revoke-token")));
        assertThat(revoked(created)).isTrue();
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("my-tokens"));
        assertThat(GridKt._getFormattedRow(grid, 0)).anySatisfy(cell -> assertThat(cell).startsWith("revoked by " + user));
        assertThat(revokeButton("my-tokens", created.token().id())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.revoked' and actor = ?"
                + " and subject = ?", Long.class, user, "token:" + created.token().id())).isEqualTo(1);
    }

    @Test
    void lastUseAndExpiryAreShown() {
        String user = signedInOnTokens(Role.VIEWER);
        NewApiToken used = As.user(user, Role.VIEWER, () -> tokens.createPersonal("used", null, Set.of(Role.VIEWER)));
        NewApiToken old = As.user(user, Role.VIEWER, () -> tokens.createPersonal("old", null, Set.of(Role.VIEWER)));
        // stands in for a request with the token (ApiTokenTest covers that) and for a month passing
        jdbc.update("update api_token set last_used_at = timestamp with time zone '2026-11-30 08:15:00+00'"
                + " where id = ?", used.token().id());
        jdbc.update("update api_token set expires_at = timestamp with time zone '2026-11-01 00:00:00+00'"
                + " where id = ?", old.token().id());
        navigate("");
        navigate("account/tokens");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("my-tokens"));
        assertThat(ServiceAccountsViewTest.rows(grid)).anySatisfy(row -> assertThat(row)
                .contains("used", "2026-11-30 08:15:00 UTC", "active"));
        assertThat(ServiceAccountsViewTest.rows(grid)).anySatisfy(row -> assertThat(row)
                .contains("old", "2026-11-01 00:00:00 UTC", "never", "expired"));
        assertThat(revokeButton("my-tokens", old.token().id())).as("nothing to revoke on an expired token").isEmpty();
    }

    @Test
    void everyPersonFindsTheViewInTheNavigation() {
        signedInOnTokens(Role.VIEWER);
        assertThat(_find(com.vaadin.flow.component.sidenav.SideNavItem.class))
                .anySatisfy(item -> assertThat(item.getLabel()).isEqualTo("API tokens"));
    }

    boolean revoked(NewApiToken created) {
        return jdbc.queryForObject("select count(*) from api_token where id = ? and revoked_at is not null",
                Long.class, created.token().id()) == 1;
    }
}
