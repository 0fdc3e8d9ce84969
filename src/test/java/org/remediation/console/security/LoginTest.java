package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remediation.console.audit.AuditEvent;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.support.As;
import org.remediation.console.support.Demo;
import org.remediation.console.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Real HTTP logins against the running console: success, failure, lockout, all audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditService audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FailedLogins failures;
    @Autowired
    LoginThrottle throttle;

    @Test
    void demoUserLogsInAndTheLoginIsAudited() throws Exception {
        String target = new WebSession(port).login("viewer", Demo.PASSWORD);
        assertThat(target).doesNotContain("error");
        assertThat(events("viewer", "login.succeeded")).isNotEmpty();
    }

    @Test
    void wrongPasswordsAreRecordedCompactlyOneEventPerAccountWithTheCount() throws Exception {
        failures.flush();
        for (int i = 0; i < 3; i++) {
            assertThat(new WebSession(port, "127.0.0.35").login("operator", "not-the-password-" + i)).contains("/login?error");
        }
        failures.flush();
        assertThat(events("operator", "login.failed")).hasSize(1).first()
                .satisfies(e -> assertThat(e.details()).contains("\"count\":3").contains("wrong password").contains("127.0.0.35"));
        assertThat(new WebSession(port, "127.0.0.35").login("operator", Demo.PASSWORD)).doesNotContain("error");
    }

    /**
     * Hostile (issue 16, item 6): a guesser at one address has made ten failures against the responder.
     * The guesser's address waits, even with the right password; the responder at an address that never
     * failed is not slowed at all, and no account is ever locked.
     */
    @org.junit.jupiter.api.Tag("hostile")
    @Test
    void guessingSlowsTheGuesserButNeverLocksTheOwnerOut() throws Exception {
        for (int i = 0; i < 10; i++) {
            throttle.failed("responder", true, "127.0.0.31", java.time.Instant.now());
        }
        WebSession guesser = new WebSession(port, "127.0.0.31");
        assertThat(guesser.login("responder", Demo.PASSWORD)).as("even the right password waits").contains("/login?error");
        assertThat(new WebSession(port, "127.0.0.32").login("responder", Demo.PASSWORD)).as("the owner elsewhere does not")
                .doesNotContain("error");
        assertThat(guesser.login("responder", Demo.PASSWORD)).as("the owner's success does not wash the guesser's address")
                .contains("/login?error");
        failures.flush();
        assertThat(jdbc.queryForList("select details from audit_event where action = 'login.failed' and subject = "
                + "'user:(throttled)'", String.class)).anySatisfy(d -> assertThat(d).contains("127.0.0.31"));
        assertThat(events("system", "user.locked")).isEmpty();
    }

    /** Hostile (issue 16): a name built to forge log lines and overflow the audit column is refused like any other. */
    @org.junit.jupiter.api.Tag("hostile")
    @Test
    void aLongNameWithLineBreaksIsAnOrdinaryFailedLogin() throws Exception {
        failures.flush();
        String name = "xxx\r\nlogin.succeeded admin\u0085\u202e" + "x".repeat(300);
        String target = new WebSession(port, "127.0.0.36").login(name, "whatever-1234");
        assertThat(target).contains("/login?error");
        failures.flush();
        String details = jdbc.queryForObject("select details from audit_event where action = 'login.failed' order by seq desc "
                + "fetch first 1 rows only", String.class);
        String shown = LoginAuditor.shown(name);
        assertThat(shown).hasSize(64).startsWith("xxx??login.succeeded admin??x").doesNotContain("\n").doesNotContain("\r");
        assertThat(details).contains(shown).doesNotContain("\r").doesNotContain("\u0085");
    }

    /** Hostile (issue 16, item 6): names that are no account cannot each buy an audit row. */
    @org.junit.jupiter.api.Tag("hostile")
    @Test
    void unknownNamesShareOneEventWithTheCountAndAFewOfTheNames() throws Exception {
        failures.flush();
        long before = jdbc.queryForObject("select max(seq) from audit_event", Long.class);
        for (int i = 0; i < 12; i++) {
            new WebSession(port, "127.0.0.34").login("ghost-user-" + i, "whatever-123");
        }
        failures.flush();
        List<java.util.Map<String, Object>> rows = jdbc.queryForList("select subject, details from audit_event where seq > ? "
                + "and action = 'login.failed'", before);
        assertThat(rows).extracting(r -> r.get("subject"))
                .as("one row for the unknown names; the tries the throttle refused unread share another")
                .containsAnyOf("user:(unknown names)").isSubsetOf("user:(unknown names)", "user:(throttled)");
        assertThat(rows).extracting(r -> (String) r.get("details")).anySatisfy(d -> assertThat(d).contains("ghost-user-"))
                .allSatisfy(d -> assertThat(d).doesNotContain("ghost-user-11\"").contains("127.0.0.34"));
        int counted = rows.stream().mapToInt(r -> Integer.parseInt(((String) r.get("details")).replaceAll(".*\"count\":(\\d+).*", "$1"))).sum();
        assertThat(counted).as("every try counted").isEqualTo(12);
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        var response = new WebSession(port).get("/audit");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void healthIsOpenButPrometheusNeedsAnAdmin() throws Exception {
        WebSession anonymous = new WebSession(port);
        var health = anonymous.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\"");
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + Demo.PASSWORD).getBytes())).build();
        var prometheus = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
    }

    private List<AuditEvent> events(String actor, String action) {
        return As.user("admin", Role.ADMIN, () -> audit.find(new AuditFilter(actor, action, null, null, null), 0, 50))
                .stream().filter(e -> e.actor().equals(actor)).toList();
    }
}
