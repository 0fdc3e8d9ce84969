package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role matrix extended to the probe-target and audit endpoints: each role's token gets what the
 * services allow the same person in the UI (targets view and import/export: ADMIN; a probe's page: every
 * signed-in role but METRICS; audit: ADMIN and COMMANDER), and a refused import writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetsAndAuditRoleMatrixTest {

    static RoleTokens roleTokens;

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService users;
    @Autowired ProbeTargetService targets;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void tokens() {
        if (roleTokens == null) {
            roleTokens = new RoleTokens(tokens, users);
        }
    }

    ApiCalls api() {
        return new ApiCalls(port);
    }

    static int expected(Role role, Set<Role> allowed) {
        return allowed.contains(role) ? 200 : 403;
    }

    long rows() {
        return jdbc.queryForObject("select count(*) from probe_target", Long.class);
    }

    String existing() {
        String key = "rm-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Matrix " + key, "HTTP",
                Map.of("url", "http://{self}/sandbox/frontend/health"), Duration.ofSeconds(30), Duration.ofSeconds(2),
                false, "frontend", null)));
        return key;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void exportIsForAdminOnly(Role role) throws Exception {
        HttpResponse<String> r = api().get("/api/v1/probe-targets", roleTokens.of(role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected(role, Set.of(Role.ADMIN)));
        if (r.statusCode() == 403) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(r.body()).doesNotContain("targets:");
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void importIsForAdminOnlyAndARefusedOneChangesNothing(Role role) throws Exception {
        String key = existing();
        String created = "rm-new-" + UUID.randomUUID().toString().substring(0, 8);
        long before = rows();
        String yaml = "targets:\n" + ProbeTargetsApiTest.entry(key, "Renamed by " + role, "")
                + ProbeTargetsApiTest.entry(created, "Created by " + role, "");
        HttpResponse<String> r = api().put("/api/v1/probe-targets", roleTokens.of(role), "application/yaml", yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected(role, Set.of(Role.ADMIN)));
        boolean took = r.statusCode() == 200;
        assertThat(rows()).isEqualTo(before + (took ? 1 : 0));
        assertThat(As.viewer(() -> targets.find(created)).isPresent()).isEqualTo(took);
        assertThat(As.viewer(() -> targets.find(key)).orElseThrow().name()).isEqualTo(took ? "Renamed by " + role : "Matrix " + key);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void oneTargetIsForEverySignedInRoleButMetrics(Role role) throws Exception {
        String key = existing();
        HttpResponse<String> r = api().get("/api/v1/probe-targets/" + key, roleTokens.of(role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(role == Role.METRICS ? 403 : 200);
        if (role == Role.METRICS) {
            assertThat(r.body()).doesNotContain("sandbox");
            // nor does it learn whether a key exists
            assertThat(api().get("/api/v1/probe-targets/no-such-key", roleTokens.of(role)).statusCode()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void theAuditExportIsForAdminAndCommander(Role role) throws Exception {
        HttpResponse<String> r = api().get("/api/v1/audit?action=probe.target.created&from=2026-01-01T00:00:00Z",
                roleTokens.of(role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected(role, Set.of(Role.ADMIN, Role.COMMANDER)));
        if (r.statusCode() == 403) {
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void chainVerificationIsForAdminAndCommander(Role role) throws Exception {
        HttpResponse<String> r = api().get("/api/v1/audit/verify", roleTokens.of(role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected(role, Set.of(Role.ADMIN, Role.COMMANDER)));
    }
}
