package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.OidcProvider;
import org.remediation.console.support.OidcSignIn;
import org.remediation.console.support.SsoConsoleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing in through a real OpenID provider (Spring Authorization Server on loopback), over HTTP as a browser
 * would: authorization code with PKCE, state and nonce; accounts created, updated and refused as the claims
 * and the console's rules say, each step audited.
 */
class SsoSignInTest extends SsoConsoleTest {

    @Autowired
    UserRepository users;

    @Autowired
    TeamRepository teams;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void firstSignInUsesCodeWithPkceStateAndNonceCreatesTheAccountAndAuditsIt() throws Exception {
        String name = unique("olga");
        PROVIDER.user(name, "operators", "unrelated-group");
        OidcSignIn browser = new OidcSignIn(PORT);

        OidcSignIn.Result result = browser.signIn(name);

        Map<String, List<String>> request = UriComponentsBuilder.fromUri(result.authorizationRequest()).build()
                .getQueryParams();
        assertThat(request.get("response_type")).containsExactly("code");
        assertThat(request.get("code_challenge_method")).containsExactly("S256");
        assertThat(request.get("code_challenge").getFirst()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(request).containsKeys("state", "nonce");
        assertThat(result.signedIn()).as("landed on %s", result.landing()).isTrue();
        assertThat(browser.console("/").statusCode()).isEqualTo(200);

        UserAccount account = users.findByUsername(name).orElseThrow();
        assertThat(account.isSso()).isTrue();
        assertThat(account.getRoles()).containsExactly(Role.OPERATOR);
        assertThat(account.getDisplayName()).isEqualTo(capitalized(name) + " Example");
        assertThat(teams.findByName("Infrastructure").orElseThrow().summary().members()).contains(name);
        assertThat(actions(name)).containsSubsequence("user.created", "login.succeeded");
        assertThat(details(name, "user.created")).contains("\"origin\":\"sso\"").contains("[OPERATOR]")
                .contains(PROVIDER.issuer());
    }

    @Test
    void aLaterSignInWithChangedGroupsUpdatesRolesAndTeamsAndAuditsOnlyTheDifference() throws Exception {
        String name = unique("lena");
        PROVIDER.user(name, "db-leads", "operators");
        OidcSignIn laptop = new OidcSignIn(PORT);
        assertThat(laptop.signIn(name).signedIn()).isTrue();
        assertThat(users.findByUsername(name).orElseThrow().getRoles())
                .containsExactlyInAnyOrder(Role.TEAM_LEAD, Role.RESPONDER, Role.OPERATOR);
        assertThat(teams.findByName("Database").orElseThrow().summary().members()).containsExactly(name);

        assertThat(new OidcSignIn(PORT).signIn(name).signedIn()).isTrue(); // same groups: nothing to record
        assertThat(actions(name)).doesNotContain("user.updated");

        PROVIDER.user(name, "/responders");
        assertThat(new OidcSignIn(PORT).signIn(name).signedIn()).isTrue();

        assertThat(users.findByUsername(name).orElseThrow().getRoles()).containsExactly(Role.RESPONDER);
        assertThat(teams.findByName("Database").orElseThrow().summary().members()).doesNotContain(name);
        assertThat(teams.findByName("Infrastructure").orElseThrow().summary().members()).doesNotContain(name);
        assertThat(actions(name)).containsOnlyOnce("user.updated");
        assertThat(details(name, "user.updated")).contains("\"rolesBefore\":\"[RESPONDER, TEAM_LEAD, OPERATOR]\"")
                .contains("\"rolesAfter\":\"[RESPONDER]\"").contains("\"origin\":\"sso\"");
        // a role was removed: the laptop's session with the old roles ends, as when an administrator removes one
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> laptop.console("/").statusCode() == 302);
        assertThat(actions(name)).contains("user.sessions-ended");
    }

    @Test
    void theFirstAdministratorComesFromTheGroupMappingWithoutConsoleAdminSettings() throws Exception {
        // on the embedded database this context started empty; the PostgreSQL suite shares one database between
        // contexts, whose demo users are then already there
        if (isH2()) {
            assertThat(jdbc.queryForList("select username from app_user where sso_subject is null", String.class))
                    .as("no demo users, no CONSOLE_ADMIN_*").doesNotContain("admin", "viewer", "commander");
        }
        String name = unique("root");
        PROVIDER.user(name, "console-admins");
        assertThat(new OidcSignIn(PORT).signIn(name).signedIn()).isTrue();
        assertThat(users.findByUsername(name).orElseThrow().getRoles()).containsExactly(Role.ADMIN);
        assertThat(users.existsEnabledWithRole(Role.ADMIN)).isTrue();
    }

    @Test
    void aPersonWithoutAMappedRoleIsRefusedAndNothingIsCreated() throws Exception {
        String name = unique("nobody");
        PROVIDER.user(name, "marketing");
        OidcSignIn.Result result = new OidcSignIn(PORT).signIn(name);
        assertThat(result.landing()).endsWith("/login?error");
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(actions(name)).containsExactly("login.refused");
        assertThat(details(name, "login.refused")).contains("\"reason\":\"unmapped\"").contains("[marketing]");
    }

    @Test
    void aProviderUserCannotTakeOverALocalAccountOfTheSameName() throws Exception {
        String name = unique("carol");
        UserAccount local = users.save(new UserAccount(name, "Carol Local", "{bcrypt}$2a$10$notusedhere", Set.of(Role.VIEWER),
                java.time.Instant.now()));
        PROVIDER.user(name, "console-admins");

        OidcSignIn.Result result = new OidcSignIn(PORT).signIn(name);

        assertThat(result.landing()).endsWith("/login?error");
        UserAccount after = users.findByUsername(name).orElseThrow();
        assertThat(after.getId()).isEqualTo(local.getId());
        assertThat(after.isSso()).isFalse();
        assertThat(after.getRoles()).containsExactly(Role.VIEWER);
        assertThat(details(name, "login.refused")).contains("\"reason\":\"collision\"");
    }

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    void withLocalAccountsOffAPersonsOldPasswordOpensNoActuatorEndpointEither() throws Exception {
        String name = unique("oldadmin");
        users.save(new UserAccount(name, "Old local admin", encoder.encode("Correct-horse-battery-7"), Set.of(Role.ADMIN),
                java.time.Instant.now()));
        String basic = java.util.Base64.getEncoder().encodeToString((name + ":Correct-horse-battery-7").getBytes());
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/actuator/env")).header("Authorization", "Basic " + basic).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        String token = org.remediation.console.support.ApiCalls.tokenFor(tokens, name, Role.ADMIN);
        var me = new org.remediation.console.support.ApiCalls(PORT).get("/api/v1/me", token);
        assertThat(me.statusCode()).as("nor does a token of theirs").isEqualTo(401);
        assertThat(me.body()).contains("local accounts are switched off");
    }

    @Autowired
    ApiTokenService tokens;

    private boolean isH2() throws java.sql.SQLException {
        try (var c = java.util.Objects.requireNonNull(jdbc.getDataSource()).getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2");
        }
    }

    @Test
    void aDisabledAccountCannotSignInThroughTheProvider() throws Exception {
        String name = unique("dave");
        PROVIDER.user(name, "operators");
        assertThat(new OidcSignIn(PORT).signIn(name).signedIn()).isTrue();
        org.remediation.console.support.As.user("an-admin", Role.ADMIN, () -> admin.setEnabled(name, false));

        OidcSignIn.Result again = new OidcSignIn(PORT).signIn(name);

        assertThat(again.landing()).endsWith("/login?error");
        assertThat(details(name, "login.refused")).contains("\"reason\":\"disabled\"");
        assertThat(users.findByUsername(name).orElseThrow().isEnabled()).isFalse();
    }

    @Autowired
    UserAdminService admin;

    @Test
    void aTamperedStateIsRefusedAndNobodyIsSignedIn() throws Exception {
        String name = unique("stan");
        PROVIDER.user(name, "operators");
        OidcSignIn browser = new OidcSignIn(PORT);
        OidcSignIn.Result result = browser.signIn(name, callback -> URI.create(callback.toString()
                .replaceAll("state=[^&]+", "state=forged-state")));
        assertThat(result.landing()).contains("/login?error");
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(browser.console("/").statusCode()).isEqualTo(302);
    }

    @Test
    void theProviderRefusesACodeRedeemedWithoutThePkceVerifier() throws Exception {
        String name = unique("pkce");
        PROVIDER.user(name, "operators");
        OidcSignIn browser = new OidcSignIn(PORT);
        URI[] stolen = new URI[1];
        browser.signIn(name, callback -> {
            stolen[0] = callback;
            return URI.create(callback.toString().replaceAll("code=[^&]+", "code=withheld"));
        });
        String code = UriComponentsBuilder.fromUri(stolen[0]).build().getQueryParams().getFirst("code");
        String basic = java.util.Base64.getEncoder().encodeToString((OidcProvider.CLIENT_ID + ":"
                + OidcProvider.CLIENT_SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var response = browser.post(URI.create(PROVIDER.issuer() + "/oauth2/token"), "grant_type=authorization_code&code="
                + OidcSignIn.enc(code) + "&redirect_uri=" + OidcSignIn.enc("http://127.0.0.1:" + PORT + "/login/oauth2/code/sso"),
                "Authorization", "Basic " + basic);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_grant");
    }

    @Test
    void anIdTokenWithAForgedPayloadIsRefused() throws Exception {
        String name = unique("mallory");
        PROVIDER.user(name, "operators");
        failures.flush(); // earlier failures are not this one
        PROVIDER.nextIdToken(OidcProvider.Next.TAMPERED); // groups rewritten to console-admins, signature kept
        OidcSignIn.Result result = new OidcSignIn(PORT).signIn(name);
        assertThat(result.landing()).endsWith("/login?error");
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(lastFailure()).contains("sso invalid_id_token");
    }

    @Test
    void anExpiredIdTokenIsRefused() throws Exception {
        String name = unique("late");
        PROVIDER.user(name, "operators");
        failures.flush(); // earlier failures are not this one
        PROVIDER.nextIdToken(OidcProvider.Next.EXPIRED);
        assertThat(new OidcSignIn(PORT).signIn(name).landing()).endsWith("/login?error");
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(lastFailure()).contains("sso invalid_id_token");
    }

    @Test
    void anIdTokenForAnotherNonceIsRefused() throws Exception {
        String name = unique("replay");
        PROVIDER.user(name, "operators");
        failures.flush(); // earlier failures are not this one
        PROVIDER.nextIdToken(OidcProvider.Next.WRONG_NONCE);
        assertThat(new OidcSignIn(PORT).signIn(name).landing()).endsWith("/login?error");
        assertThat(users.findByUsername(name)).isEmpty();
        assertThat(lastFailure()).contains("sso invalid_nonce");
    }

    @Test
    void withLocalAccountsOffAPostedPasswordIsRefusedEvenWhenRight() throws Exception {
        String name = unique("pat");
        String password = "Correct-horse-battery-7";
        org.remediation.console.support.As.user("an-admin", Role.ADMIN, () -> admin.createUser(name, "Pat Local", password,
                Set.of(Role.VIEWER)));
        org.remediation.console.support.WebSession web = new org.remediation.console.support.WebSession(PORT);
        assertThat(web.login(name, password)).endsWith("/login?error");
        assertThat(web.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void anSsoAccountHasNoLocalPasswordToReset() throws Exception {
        String name = unique("nopw");
        PROVIDER.user(name, "operators");
        assertThat(new OidcSignIn(PORT).signIn(name).signedIn()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.remediation.console.support.As.user("an-admin",
                        Role.ADMIN, () -> admin.resetPassword(name, "Another-password-42")))
                .isInstanceOf(org.remediation.console.base.InvalidInputException.class)
                .hasMessageContaining("single sign-on");
    }

    @Autowired
    FailedLogins failures;

    /** The failed provider sign-ins of the last moment, as the audit records them (compactly, once a minute). */
    private String lastFailure() {
        failures.flush();
        List<String> failed = jdbc.queryForList("select details from audit_event where action = 'login.failed' "
                + "and subject = ? order by seq", String.class, "user:" + SsoLogin.FAILED_NAME);
        return failed.isEmpty() ? "" : failed.getLast();
    }

    private List<String> actions(String name) {
        return jdbc.queryForList("select action from audit_event where subject = ? order by seq", String.class,
                "user:" + name);
    }

    private String details(String name, String action) {
        return jdbc.queryForList("select details from audit_event where subject = ? and action = ? order by seq",
                String.class, "user:" + name, action).getLast();
    }

    private static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(10_000, 99_999);
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1);
    }
}
