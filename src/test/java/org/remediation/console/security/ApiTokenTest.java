package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.remediation.console.support.Demo;
import org.remediation.console.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

/** API tokens over real HTTP: who they act for, with which roles, and every way they stop working. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokenTest {

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;
    @Autowired JdbcTemplate jdbc;

    ApiCalls api() {
        return new ApiCalls(port);
    }

    String newUser(Role... roles) {
        String name = "t" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        As.user("admin", Role.ADMIN, () -> admin.createUser(name, "Test " + name, "Correct-horse-battery-7", Set.of(roles)));
        return name;
    }

    long denials(String tokenSubject) {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'token.use-denied' and subject = ?",
                Long.class, tokenSubject);
    }

    @Test
    void aPersonalTokenActsForItsOwnerWithItsOwnRolesOnly() throws Exception {
        String user = newUser(Role.OPERATOR, Role.RESPONDER);
        NewApiToken created = As.user(user, new Role[] {Role.OPERATOR, Role.RESPONDER},
                () -> tokens.createPersonal("ci", null, Set.of(Role.RESPONDER)));
        HttpResponse<String> me = api().get("/api/v1/me", created.value());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"" + user + "\"").contains("\"roles\":[\"RESPONDER\"]");
        assertThat(created.token().expiresAt()).isBetween(created.token().createdAt().plus(Duration.ofDays(30)).minusSeconds(1),
                created.token().createdAt().plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.created' and actor = ?",
                Long.class, user)).isEqualTo(1);
    }

    @Test
    void onlyTheHashIsStoredAndLastUseIsRecorded() throws Exception {
        String user = newUser(Role.VIEWER);
        NewApiToken created = As.user(user, Role.VIEWER, () -> tokens.createPersonal("grafana", null, Set.of(Role.VIEWER)));
        List<String> stored = jdbc.queryForList("select token_hash || ' ' || prefix from api_token where id = ?",
                String.class, created.token().id());
        assertThat(stored).singleElement().asString().doesNotContain(created.value().substring(10));
        assertThat(created.token().lastUsedAt()).isNull();
        assertThat(api().get("/api/v1/me", created.value()).statusCode()).isEqualTo(200);
        assertThat(As.user(user, Role.VIEWER, tokens::myTokens)).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isNotNull());
    }

    @Test
    void rolesMustBeASubsetOfTheOwnersAndExpiryAtMostAYear() {
        String user = newUser(Role.VIEWER);
        assertThatThrownBy(() -> As.user(user, Role.VIEWER,
                () -> tokens.createPersonal("x", null, Set.of(Role.VIEWER, Role.OPERATOR))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not hold [OPERATOR]");
        assertThatThrownBy(() -> As.user(user, Role.VIEWER,
                () -> tokens.createPersonal("x", Duration.ofDays(366), Set.of(Role.VIEWER))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at most a year");
        assertThatThrownBy(() -> As.user(user, Role.VIEWER, () -> tokens.createPersonal(" ", null, Set.of())))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).names("name")).isTrue())
                .satisfies(e -> assertThat(((InvalidInputException) e).names("roles")).isTrue());
        assertThat(As.user(user, Role.VIEWER, tokens::myTokens)).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedWithTheReasonAndTheRefusalIsAudited() throws Exception {
        String user = newUser(Role.VIEWER);
        NewApiToken created = As.user(user, Role.VIEWER, () -> tokens.createPersonal("cron", Duration.ofHours(1),
                Set.of(Role.VIEWER)));
        jdbc.update("update api_token set expires_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), created.token().id());
        HttpResponse<String> refused = api().get("/api/v1/me", created.value());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(refused.body()).contains("is refused: expired at");
        assertThat(denials("token:" + created.token().id())).isEqualTo(1);
    }

    @Test
    void aRevokedTokenStopsAtOnceAndOnlyItsOwnerOrAnAdminMayRevokeIt() throws Exception {
        String user = newUser(Role.VIEWER);
        String other = newUser(Role.VIEWER);
        NewApiToken created = As.user(user, Role.VIEWER, () -> tokens.createPersonal("bot", null, Set.of(Role.VIEWER)));
        assertThatThrownBy(() -> As.user(other, Role.VIEWER, () -> tokens.revoke(created.token().id())))
                .isInstanceOf(InvalidInputException.class);
        assertThat(api().get("/api/v1/me", created.value()).statusCode()).isEqualTo(200);
        As.user(user, Role.VIEWER, () -> tokens.revoke(created.token().id()));
        HttpResponse<String> refused = api().get("/api/v1/me", created.value());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("revoked");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.revoked' and subject = ?",
                Long.class, "token:" + created.token().id())).isEqualTo(1);
    }

    @Test
    void disablingTheOwnerRevokesTheirTokensForGoodAndRemovingARoleNarrowsThemAtOnce() throws Exception {
        String user = newUser(Role.OPERATOR, Role.RESPONDER);
        String value = ApiCalls.tokenFor(tokens, user, Role.OPERATOR, Role.RESPONDER);
        As.user("admin", Role.ADMIN, () -> admin.updateUser(user, "Test", Set.of(Role.OPERATOR)));
        assertThat(api().get("/api/v1/me", value).body()).contains("\"roles\":[\"OPERATOR\"]");
        As.user("admin", Role.ADMIN, () -> admin.updateUser(user, "Test", Set.of(Role.VIEWER)));
        assertThat(api().get("/api/v1/me", value).body()).contains("no longer holds any of its roles");
        As.user("admin", Role.ADMIN, () -> admin.updateUser(user, "Test", Set.of(Role.OPERATOR, Role.RESPONDER)));
        assertThat(api().get("/api/v1/me", value).statusCode()).isEqualTo(200);
        As.user("admin", Role.ADMIN, () -> admin.setEnabled(user, false));
        assertThat(api().get("/api/v1/me", value).statusCode()).isEqualTo(401);
        As.user("admin", Role.ADMIN, () -> admin.setEnabled(user, true));
        HttpResponse<String> stillRefused = api().get("/api/v1/me", value);
        assertThat(stillRefused.statusCode()).isEqualTo(401);
        assertThat(stillRefused.body()).contains("owner disabled");
    }

    @Test
    void aTokenCannotMintTokens() {
        String user = newUser(Role.ADMIN);
        var principal = new DefaultOAuth2AuthenticatedPrincipal(user, java.util.Map.of("token_id", 1L),
                org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new BearerTokenAuthentication(principal, new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, "x", null, null), principal.getAuthorities()));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            assertThatThrownBy(() -> tokens.createPersonal("more", null, Set.of(Role.ADMIN)))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("cannot create tokens");
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Test
    void garbageAndMissingTokensGetAProblemDocumentWithTheBearerChallenge() throws Exception {
        HttpResponse<String> none = api().get("/api/v1/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(none.body()).contains("\"status\":401").contains("Account → API tokens");
        HttpResponse<String> garbage = api().get("/api/v1/me", "rcp_" + "A".repeat(43));
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(garbage.body()).contains("Unknown token");
        assertThat(api().get("/api/v1/me", "not-a-token").body()).contains("start with 'rcp_'");
    }

    @Test
    void aServiceAccountScrapesMetricsWithItsTokenButCannotSignInOrReadTheApiBeyondItsRole() throws Exception {
        String account = "scrape" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        As.user("admin", Role.ADMIN, () -> admin.createServiceAccount(account, "Prometheus scrape", Set.of(Role.METRICS)));
        String value = As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "prometheus", null,
                Set.of(Role.METRICS))).value();
        assertThat(api().get("/actuator/prometheus", value).statusCode()).isEqualTo(200);
        assertThat(api().get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String viewerName = newUser(Role.VIEWER);
        String viewer = ApiCalls.tokenFor(tokens, viewerName, Role.VIEWER);
        assertThat(api().get("/actuator/prometheus", viewer).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'token.use-denied' and details like ?",
                Long.class, "%" + viewerName + "%forbidden: GET /actuator/prometheus%")).isEqualTo(1);
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "more", null,
                Set.of(Role.ADMIN)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("does not hold [ADMIN]");
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount("admin", "x", null,
                Set.of(Role.ADMIN)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("is a person");
    }

    @Test
    void unknownPathsAndWrongMethodsAreProblemDocumentsToo() throws Exception {
        String value = ApiCalls.tokenFor(tokens, newUser(Role.VIEWER), Role.VIEWER);
        HttpResponse<String> unknown = api().get("/api/v1/nothing-here", value);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("There is no API endpoint GET /api/v1/nothing-here");
        HttpResponse<String> method = api().send("DELETE", "/api/v1/probe-targets", value, null, null);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> accept = api().get("/api/v1/probe-targets", value, "Accept", "image/png");
        assertThat(accept.statusCode()).isEqualTo(406);
    }

    @Test
    void anOversizeBodyIsRefusedWith413BeforeAnythingReadsIt() throws Exception {
        String value = ApiCalls.tokenFor(tokens, newUser(Role.VIEWER), Role.VIEWER);
        HttpResponse<String> big = api().post("/api/v1/me", value, "application/json", "x".repeat(1_100_000));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("console.api.max-body");
        HttpResponse<String> form = api().put("/api/v1/probe-targets", null, "application/x-www-form-urlencoded",
                "a=" + "x".repeat(1_100_000));
        assertThat(form.statusCode()).as("a form body is refused before anything reads it, even without a token")
                .isEqualTo(413);
    }

    @Test
    void theOpenApiDescriptionIsThereForTokensAndSignedInUsersOnly() throws Exception {
        String value = ApiCalls.tokenFor(tokens, newUser(Role.VIEWER), Role.VIEWER);
        HttpResponse<String> doc = api().get("/api/v1/openapi.json", value);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"openapi\":\"3.1").contains("/api/v1/me");
        HttpResponse<String> anonymous = api().get("/api/v1/openapi.json", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");

        WebSession browser = new WebSession(port);
        assertThat(browser.login("viewer", Demo.PASSWORD)).doesNotContain("error");
        assertThat(browser.get("/api/v1/openapi.json").body()).contains("\"openapi\":\"3.1");
        String ui = browser.get("/api/v1/docs").headers().firstValue("Location").orElse("");
        assertThat(ui).contains("swagger-ui/index.html");
        assertThat(browser.get(java.net.URI.create(ui).getPath()).body()).contains("swagger-ui");
        assertThat(browser.get("/api/v1/me").statusCode()).as("a session does not open the API itself").isEqualTo(401);
    }
}
