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

    @Test
    void demoUserLogsInAndTheLoginIsAudited() throws Exception {
        String target = new WebSession(port).login("viewer", Demo.PASSWORD);
        assertThat(target).doesNotContain("error");
        assertThat(events("viewer", "login.succeeded")).isNotEmpty();
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        String target = new WebSession(port).login("operator", "not-the-password");
        assertThat(target).contains("/login?error");
        assertThat(events("operator", "login.failed")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.details()).contains("wrong password"));
        jdbc.update("update app_user set failed_attempts = 0 where username = 'operator'");
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            new WebSession(port).login("responder", "wrong-" + i);
        }
        assertThat(events("system", "user.locked")).anySatisfy(e -> assertThat(e.subject()).isEqualTo("user:responder"));
        String target = new WebSession(port).login("responder", Demo.PASSWORD);
        assertThat(target).contains("/login?error");
        assertThat(events("responder", "login.refused")).isNotEmpty();
        jdbc.update("update app_user set locked_until = null, failed_attempts = 0 where username = 'responder'");
        assertThat(new WebSession(port).login("responder", Demo.PASSWORD)).doesNotContain("error");
    }

    /** Hostile (issue 16): a name built to forge log lines and overflow the audit column is refused like any other. */
    @org.junit.jupiter.api.Tag("hostile")
    @Test
    void aLongNameWithLineBreaksIsAnOrdinaryFailedLogin() throws Exception {
        String name = "xxx\r\nlogin.succeeded admin\u0085\u202e" + "x".repeat(300);
        String target = new WebSession(port).login(name, "whatever-1234");
        assertThat(target).contains("/login?error");
        String actor = jdbc.queryForObject("select actor from audit_event where action = 'login.failed' order by seq desc "
                + "fetch first 1 rows only", String.class);
        assertThat(actor).hasSize(64).startsWith("xxx??login.succeeded admin??x").doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void unknownUsersAreAuditedToo() throws Exception {
        new WebSession(port).login("ghost-user", "whatever-123");
        assertThat(events("ghost-user", "login.failed")).anySatisfy(e -> assertThat(e.details()).contains("unknown user"));
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
