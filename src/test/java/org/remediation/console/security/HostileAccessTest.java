package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.support.As;
import org.remediation.console.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Access that ends must end now (issue 16, items 4 and 10). The attacker is a user whose access was
 * just taken away and who keeps the session they already had; and a scrape's service account whose
 * password someone tries on the sign-in form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("hostile")
class HostileAccessTest {

    static final String PASSWORD = "Correct-horse-battery-7";

    @LocalServerPort int port;
    @Autowired UserAdminService admin;
    @Autowired IncidentService incidents;
    @Autowired OpenSessions sessions;
    @Autowired JdbcTemplate jdbc;
    @Autowired FailedLogins failures;

    String newUser(Role... roles) {
        String name = "u" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        As.user("admin", Role.ADMIN, () -> admin.createUser(name, "Test " + name, PASSWORD, Set.of(roles)));
        return name;
    }

    static boolean signedIn(WebSession web) throws Exception {
        return web.get("/").statusCode() == 200;
    }

    WebSession signIn(String user) throws Exception {
        WebSession web = new WebSession(port);
        assertThat(web.login(user, PASSWORD)).doesNotContain("error");
        assertThat(signedIn(web)).isTrue();
        return web;
    }

    @Test
    void disablingAUserEndsBothOfTheirOpenSessionsWithinSeconds() throws Exception {
        String user = newUser(Role.OPERATOR);
        WebSession laptop = signIn(user);
        WebSession phone = signIn(user);
        await().atMost(Duration.ofSeconds(5)).until(() -> sessions.openFor(user) == 2);
        As.user("admin", Role.ADMIN, () -> admin.setEnabled(user, false));
        await().atMost(Duration.ofSeconds(5)).until(() -> !signedIn(laptop) && !signedIn(phone));
        assertThat(laptop.get("/").headers().firstValue("Location").orElse("")).endsWith("/login");
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("select count(*) from audit_event where "
                + "action = 'user.sessions-ended' and subject = ?", Long.class, "user:" + user) == 1);
    }

    @Test
    void removingARoleOrResettingThePasswordEndsTheSessionsTooButAddingARoleDoesNot() throws Exception {
        String user = newUser(Role.OPERATOR, Role.RESPONDER);
        WebSession web = signIn(user);
        As.user("admin", Role.ADMIN, () -> admin.updateUser(user, "Test", Set.of(Role.OPERATOR, Role.RESPONDER, Role.VIEWER)));
        Thread.sleep(1000); // the ending runs on its own thread: give a wrong one the time to happen
        assertThat(signedIn(web)).as("a role added takes nothing away").isTrue();
        As.user("admin", Role.ADMIN, () -> admin.updateUser(user, "Test", Set.of(Role.RESPONDER)));
        await().atMost(Duration.ofSeconds(5)).until(() -> !signedIn(web));

        WebSession again = signIn(user);
        As.user("admin", Role.ADMIN, () -> admin.resetPassword(user, "Another-horse-battery-8"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !signedIn(again));
    }

    @Test
    void theMetricsAccountScrapesPrometheusAndNothingElse() throws Exception {
        String scraper = newUser(Role.METRICS);
        assertThat(basic(scraper, "/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(basic(scraper, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(basic(scraper, "/actuator/env").statusCode()).as("other actuator endpoints stay ADMIN's").isEqualTo(403);
        assertThat(basic(scraper, "/actuator/loggers").statusCode()).isEqualTo(403);

        WebSession web = new WebSession(port);
        assertThat(web.login(scraper, PASSWORD)).as("its right password opens no session").contains("/login?error");
        assertThat(signedIn(web)).isFalse();
        failures.flush();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'login.failed' and subject = ? "
                + "and details like '%metrics service account%'", Long.class, "user:" + scraper)).isEqualTo(1);

        assertThatThrownBy(() -> As.user(scraper, Role.METRICS, () -> incidents.list()))
                .as("service reads are for people, not for the scrape").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void metricsIsAServiceAccountsOnlyRole() {
        assertThatThrownBy(() -> newUser(Role.METRICS, Role.VIEWER)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("METRICS");
        String person = newUser(Role.VIEWER);
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> admin.updateUser(person, "Test", Set.of(Role.VIEWER,
                Role.METRICS)))).isInstanceOf(InvalidInputException.class);
    }

    HttpResponse<String> basic(String user, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
