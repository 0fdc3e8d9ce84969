package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.remediation.console.support.CurlDocs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/v1/probe-targets/{key}/results over real HTTP with real tokens: who may push, what is refused, what is kept. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeResultsApiTest {

    static final String JSON = "application/json";

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;
    @Autowired ProbeTargetService targets;
    @Autowired ProbeStatistics statistics;
    @Autowired JdbcTemplate jdbc;

    final String id = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
    final String key = "smoke-" + id;
    final String path = "/api/v1/probe-targets/" + key + "/results";

    ApiCalls api() {
        return new ApiCalls(port);
    }

    String reporterToken(String account) {
        As.user("admin", Role.ADMIN, () -> admin.createServiceAccount(account, "CI smoke " + account, Set.of(Role.REPORTER)));
        return As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "push", null,
                Set.of(Role.REPORTER))).value();
    }

    String personToken(Role role) {
        String name = "p" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        As.user("admin", Role.ADMIN, () -> admin.createUser(name, "Test " + name, "Correct-horse-battery-7", Set.of(role)));
        return ApiCalls.tokenFor(tokens, name, role);
    }

    void createTarget(String key, String reporter) {
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Smoke " + key, "EXTERNAL",
                Map.of("staleAfter", "10m", "reporter", reporter), Duration.ofMinutes(1), Duration.ofSeconds(1), true,
                "ci", null)));
    }

    int samples(String key) {
        return statistics.window(key, Duration.ofHours(1)).map(w -> w.samples()).orElse(0);
    }

    long pushRows(String key) {
        return jdbc.queryForObject("select count(*) from probe_external_push where target_key = ?", Long.class, key);
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void theTargetsReporterPushesAndTheResultIsCountedAtOnce() throws Exception {
        String account = "ci-" + id;
        String token = reporterToken(account);
        createTarget(key, account);
        HttpResponse<String> ok = api().post(path, token, JSON,
                "{\"success\": true, \"durationMs\": 4200, \"value\": 12, \"unit\": \"checks\", \"message\": \"12 passed\", "
                        + "\"checkedAt\": \"" + Instant.now().minusSeconds(5) + "\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        assertThat(ok.body()).contains("\"outcome\":\"UP\"", "\"durationMs\":4200.0", "\"value\":12.0", "\"unit\":\"checks\"");
        HttpResponse<String> failed = api().post(path, token, JSON,
                "{\"success\": false, \"message\": \"checkout returned 500\"}");
        assertThat(failed.statusCode()).isEqualTo(202);
        assertThat(failed.body()).contains("\"outcome\":\"DOWN\"", "\"errorClass\":\"reported-failure\"",
                "\"error\":\"checkout returned 500\"");
        assertThat(samples(key)).isEqualTo(2);
        assertThat(pushRows(key)).isEqualTo(1);
    }

    @Test
    void peoplesTokensAndOtherServiceAccountsAreRefusedAndNothingIsWritten() throws Exception {
        String account = "ci-" + id;
        createTarget(key, account);
        String body = "{\"success\": true}";
        for (Role role : new Role[] {Role.VIEWER, Role.OPERATOR, Role.ADMIN}) {
            assertProblem(api().post(path, personToken(role), JSON, body), 403);
        }
        String other = "cron-" + id;
        HttpResponse<String> wrongAccount = api().post(path, reporterToken(other), JSON, body);
        assertProblem(wrongAccount, 403);
        assertThat(wrongAccount.body()).contains("names the one service account that reports it").doesNotContain(account);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'probe.external.refused' and actor = ?",
                Long.class, other)).isEqualTo(1);
        assertProblem(api().post(path, null, JSON, body), 401);
        assertThat(samples(key)).isZero();
        assertThat(pushRows(key)).isZero();
    }

    @Test
    void badBodiesAndWrongTargetsAreProblemsAndNothingIsWritten() throws Exception {
        String account = "ci-" + id;
        String token = reporterToken(account);
        createTarget(key, account);
        HttpResponse<String> invalid = api().post(path, token, JSON, "{\"durationMs\": -5, \"unit\": \"ms\"}");
        assertProblem(invalid, 422);
        assertThat(invalid.body()).contains("\"field\":\"success\"", "\"field\":\"durationMs\"", "\"field\":\"unit\"");
        HttpResponse<String> typo = api().post(path, token, JSON, "{\"sucess\": true}");
        assertProblem(typo, 422);
        assertThat(typo.body()).contains("\"field\":\"sucess\"", "Unknown field");
        HttpResponse<String> wrongType = api().post(path, token, JSON, "{\"success\": \"maybe\"}");
        assertProblem(wrongType, 400);
        assertProblem(api().post(path, token, JSON, "{\"success\": tru"), 400);
        assertProblem(api().post(path, token, JSON, "{\"success\": true, \"checkedAt\": \""
                + Instant.now().plus(Duration.ofHours(1)) + "\"}"), 422);
        assertProblem(api().post(path, token, JSON, "{\"success\": true, \"message\": \"" + "x".repeat(501) + "\"}"), 422);
        HttpResponse<String> unknown = api().post("/api/v1/probe-targets/no-such-" + id + "/results", token, JSON,
                "{\"success\": true}");
        assertProblem(unknown, 404);
        String http = "http-" + id;
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(http, "Frontend", "HTTP",
                Map.of("url", "http://{self}/sandbox/frontend/health"), Duration.ofSeconds(10), Duration.ofSeconds(2),
                false, "frontend", null)));
        HttpResponse<String> notExternal = api().post("/api/v1/probe-targets/" + http + "/results", token, JSON,
                "{\"success\": true}");
        assertProblem(notExternal, 422);
        assertThat(notExternal.body()).contains("only EXTERNAL targets accept pushed results");
        assertThat(samples(key)).isZero();
        assertThat(samples(http)).isZero();
        assertThat(pushRows(key)).isZero();
    }

    @Test
    void theCurlAndCronExamplesOfTheDocsPushResults() throws Exception {
        CurlDocs docs = CurlDocs.section(Path.of("docs/probes.md"), "## Pushed results (EXTERNAL)",
                CurlDocs.environment(port, tokens, admin));
        String key = "hourly-checkout"; // as the section's YAML declares it, pushed to by ci-smoke (REPORTER_TOKEN)
        if (As.viewer(() -> targets.find(key)).isEmpty()) {
            As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Hourly checkout smoke test",
                    "EXTERNAL", Map.of("staleAfter", "90m", "reporter", "ci-smoke"), Duration.ofMinutes(1),
                    Duration.ofSeconds(1), true, "ci", null)));
        }
        int before = samples(key);
        assertThat(docs.next()).contains("\"outcome\":\"UP\"", "checkout flow passed");
        assertThat(docs.next()).as("report.sh with a failing check").contains("\"outcome\":\"DOWN\"");
        docs.assertAllRan();
        // at least: on a database kept from a run > 90m ago the silent target may get a stale mark meanwhile
        assertThat(samples(key)).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void theOpenApiDescriptionNamesThePushCall() throws Exception {
        HttpResponse<String> spec = api().get("/api/v1/openapi.json", reporterToken("ci-" + id));
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/v1/probe-targets/{key}/results", "checkedAt", "durationMs");
    }
}
