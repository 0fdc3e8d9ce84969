package org.remediation.console.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.ApiTokenSummary;
import org.remediation.console.security.NewApiToken;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.security.UserSummary;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** admin/service-accounts and the users view: service accounts, their tokens, and revoking anyone's token. */
class ServiceAccountsViewTest extends KaribuTest {

    @Autowired UserAdminService admin;
    @Autowired ApiTokenService tokens;
    @Autowired JdbcTemplate jdbc;

    static String unique(String stem) {
        return stem + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    @SuppressWarnings("unchecked")
    static <T> CheckboxGroup<T> group(String id) {
        return _get(CheckboxGroup.class, spec -> spec.withId(id));
    }

    @Test
    void anAdminCreatesAServiceAccountAndATokenForIt() {
        String account = unique("ci-");
        login("admin", Role.ADMIN);
        navigate("admin/service-accounts");
        _click(_get(Button.class, spec -> spec.withId("new-service-account")));
        _setValue(_get(TextField.class, spec -> spec.withId("sa-username")), account);
        _setValue(_get(TextField.class, spec -> spec.withId("sa-display-name")), "CI smoke test");
        _setValue(group("sa-roles"), Set.of(Role.REPORTER));
        _click(_get(Button.class, spec -> spec.withId("sa-save")));
        assertThat(jdbc.queryForObject("select kind from app_user where username = ?", String.class, account))
                .isEqualTo("SERVICE");
        @SuppressWarnings("unchecked")
        Grid<UserSummary> accounts = _get(Grid.class, spec -> spec.withId("service-accounts"));
        assertThat(GridKt._findAll(accounts)).extracting(UserSummary::username).contains(account);

        int index = GridKt._findAll(accounts).stream().map(UserSummary::username).toList().indexOf(account);
        Button newToken = (Button) GridKt._getCellComponent(accounts, index, "new-token");
        assertThat(newToken.getId()).hasValue("new-token-" + account);
        _click(newToken);
        assertThat(ApiTokensViewTest.roles().getListDataView().getItems()).containsExactly(Role.REPORTER);
        assertThat(ApiTokensViewTest.roles().getValue()).containsExactly(Role.REPORTER);
        _setValue(_get(TextField.class, spec -> spec.withId("token-name")), "smoke");
        _click(_get(Button.class, spec -> spec.withId("token-create")));
        String secret = _get(TextField.class, spec -> spec.withId("token-value")).getValue();
        assertThat(secret).startsWith("rcp_");
        _click(_get(Button.class, spec -> spec.withId("token-done")));

        assertThat(_find(TextField.class, spec -> spec.withId("token-value"))).isEmpty();
        Grid<?> all = _get(Grid.class, spec -> spec.withId("all-tokens"));
        assertThat(rows(all)).anySatisfy(row -> assertThat(row).contains(account + " (service account)", "smoke",
                "REPORTER", "active").noneMatch(cell -> cell.contains(secret.substring(12))));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.created'"
                + " and actor = 'admin' and details like ?", Long.class, "%" + account + "%")).isEqualTo(1);
    }

    @Test
    void aServiceAccountShowsAsSuchInTheUsersViewWithoutAPasswordReset() {
        String account = unique("scrape-");
        As.user("admin", Role.ADMIN, () -> admin.createServiceAccount(account, "Scrape", Set.of(Role.METRICS)));
        login("admin", Role.ADMIN);
        navigate("admin/users");
        @SuppressWarnings("unchecked")
        Grid<UserSummary> users = _get(Grid.class, spec -> spec.withId("users"));
        int row = GridKt._findAll(users).stream().map(UserSummary::username).toList().indexOf(account);
        assertThat(GridKt._getFormattedRow(users, row)).contains("service account");
        int person = GridKt._findAll(users).stream().map(UserSummary::username).toList().indexOf("viewer");
        assertThat(GridKt._getFormattedRow(users, person)).contains("person");

        GridKt._clickItem(users, row);
        assertThat(_find(PasswordField.class)).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        GridKt._clickItem(users, person);
        _get(PasswordField.class, spec -> spec.withId("user-password"));
    }

    @Test
    void anAdminRevokesAPersonsToken() {
        NewApiToken personal = As.user("responder", Role.RESPONDER,
                () -> tokens.createPersonal(unique("laptop-"), null, Set.of(Role.RESPONDER)));
        login("admin", Role.ADMIN);
        navigate("admin/service-accounts");
        @SuppressWarnings("unchecked")
        Grid<ApiTokenSummary> all = _get(Grid.class, spec -> spec.withId("all-tokens"));
        assertThat(GridKt._findAll(all)).as("people's tokens are listed on request")
                .noneMatch(t -> t.id() == personal.token().id());
        _setValue(_get(Checkbox.class, spec -> spec.withId("show-personal-tokens")), true);
        _click(ApiTokensViewTest.revokeButton("all-tokens", personal.token().id()).orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("yes-revoke-token")));
        assertThat(jdbc.queryForObject("select revoked_by from api_token where id = ?", String.class,
                personal.token().id())).isEqualTo("admin");
        assertThat(ApiTokensViewTest.revokeButton("all-tokens", personal.token().id())).isEmpty();
    }

    @Test
    void aNonAdminCannotOpenTheServiceAccounts() {
        login("commander", Role.COMMANDER);
        assertDenied("admin/service-accounts");
        assertThat(_find(ServiceAccountsView.class)).isEmpty();
    }

    static java.util.List<java.util.List<String>> rows(Grid<?> grid) {
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i))
                .toList();
    }
}
