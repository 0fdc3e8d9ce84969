package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.Outcome;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.ResultsForApiTests;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The probe-target endpoints over real HTTP: export, import, one target's state and figures (refusals: ProbeTargetImportRefusalsTest). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetsApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String YAML = "application/yaml";

    @LocalServerPort int port;
    @Autowired ApiTokenService tokenService;
    @Autowired ProbeTargetService targets;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    String admin;

    @BeforeEach
    void token() {
        admin = ApiCalls.tokenFor(tokenService, "admin", Role.ADMIN);
    }

    ApiCalls api() {
        return new ApiCalls(port);
    }

    static String key() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String create(String key, boolean enabled) {
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "API " + key, "HTTP",
                Map.of("url", "http://{self}/sandbox/frontend/health"), Duration.ofSeconds(30), Duration.ofSeconds(2),
                enabled, "frontend", null)));
        return key;
    }

    static String entry(String key, String name, String extra) {
        return "  - key: " + key + "\n    name: " + name + "\n    kind: HTTP\n    group: frontend\n"
                + "    interval: 30s\n    timeout: 2s\n    enabled: false\n" + extra
                + "    settings:\n      url: http://{self}/sandbox/frontend/health\n";
    }

    long rows() {
        return jdbc.queryForObject("select count(*) from probe_target", Long.class);
    }

    @Test
    void theExportIsTheViewsYamlAndImportingItBackChangesNoSetting() throws Exception {
        String k = create(key(), false);
        HttpResponse<String> export = api().get("/api/v1/probe-targets", admin);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(export.body()).isEqualTo(As.user("admin", Role.ADMIN, targets::exportYaml)).contains("key: \"" + k + "\"");
        HttpResponse<String> again = api().put("/api/v1/probe-targets", admin, YAML, export.body());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(again.body());
        assertThat(summary.get("created").asInt()).isZero();
        assertThat(summary.get("updated").asInt()).isEqualTo((int) rows());
        assertThat(summary.get("removed").asInt()).isZero();
        assertThat(As.user("admin", Role.ADMIN, targets::exportYaml)).isEqualTo(export.body());
    }

    @Test
    void anImportMergesLikeTheViewCreatesAndUpdatesByKeyAndKeepsTargetsMissingFromIt() throws Exception {
        String kept = create(key(), false);
        String updated = create(key(), false);
        String created = key();
        long before = rows();
        String yaml = "targets:\n" + entry(updated, "Renamed by API", "") + entry(created, "New by API", "");
        HttpResponse<String> r = api().put("/api/v1/probe-targets", admin, YAML, yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(r.body()).toString())
                .isEqualTo("{\"created\":1,\"updated\":1,\"removed\":0,\"mode\":\"merge\"}");
        assertThat(rows()).isEqualTo(before + 1);
        assertThat(As.viewer(() -> targets.find(kept))).isPresent();
        assertThat(As.viewer(() -> targets.find(updated)).orElseThrow().name()).isEqualTo("Renamed by API");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'probe.target.created' "
                + "and subject = ? and actor = 'admin'", Long.class, "probe:" + created)).isEqualTo(1);
    }

    @Test
    void oneTargetCarriesItsSettingsStateLastResultAndWindowStatistics() throws Exception {
        String k = create(key(), true);
        Instant now = Instant.now();
        for (int i = 0; i < 10; i++) {
            ResultsForApiTests.record(context, k, Outcome.UP, Duration.ofMillis(10 * (i + 1)), now.minusSeconds(300 - 20 * i),
                    Map.of("status", 200, "ttfbMs", 5.0 + i));
        }
        ResultsForApiTests.record(context, k, Outcome.DOWN, Duration.ofMillis(3), now.minusSeconds(10), Map.of());
        String viewer = ApiCalls.tokenFor(tokenService, "viewer", Role.VIEWER);
        HttpResponse<String> r = api().get("/api/v1/probe-targets/" + k + "?window=10m", viewer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode t = JSON.readTree(r.body());
        assertThat(t.get("key").asString()).isEqualTo(k);
        assertThat(t.get("kind").asString()).isEqualTo("HTTP");
        assertThat(t.get("interval").asString()).isEqualTo("30s");
        assertThat(t.get("settings").get("url").asString()).isEqualTo("http://{self}/sandbox/frontend/health");
        // one failure after ten successes: the hysteresis has not yet turned it DOWN, as on the board
        assertThat(t.get("state").asString()).isEqualTo(
                As.viewer(() -> context.getBean(org.remediation.console.probe.ProbeStatistics.class).state(k)).name());
        assertThat(t.get("lastResult").get("outcome").asString()).isEqualTo("DOWN");
        assertThat(t.get("lastResult").get("errorClass").asString()).isEqualTo("connection-refused");
        JsonNode w = t.get("window");
        assertThat(w.get("window").asString()).isEqualTo("10m");
        assertThat(w.get("figure").asString()).isEqualTo("latencyMs");
        assertThat(w.get("samples").asInt()).isEqualTo(11);
        assertThat(w.get("failures").asInt()).isEqualTo(1);
        assertThat(w.get("successRate").asDouble()).isEqualTo(10 / 11.0);
        assertThat(w.get("p50").asDouble()).isEqualTo(50.0);
        assertThat(w.get("p95").asDouble()).isEqualTo(100.0);
        assertThat(w.get("max").asDouble()).isEqualTo(100.0);
        assertThat(w.get("coveredFrom").isNull()).isFalse();
        assertThat(api().get("/api/v1/probe-targets/" + k + "?window=1m", viewer).body()).contains("\"samples\":1,");
        HttpResponse<String> byDefault = api().get("/api/v1/probe-targets/" + k, viewer);
        assertThat(JSON.readTree(byDefault.body()).get("window").get("window").asString()).isEqualTo("15m");
    }

    @Test
    void aDisabledTargetWithoutResultsReadsDisabledWithEmptyFigures() throws Exception {
        String k = create(key(), false);
        HttpResponse<String> r = api().get("/api/v1/probe-targets/" + k, admin);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = JSON.readTree(r.body());
        assertThat(t.get("state").asString()).isEqualTo("DISABLED");
        assertThat(t.get("lastResult").isNull()).isTrue();
        assertThat(t.get("window").get("samples").asInt()).isZero();
        assertThat(t.get("window").get("p95").isNull()).isTrue();
    }

    @Test
    void anUnknownKeyIs404AndABadWindowIs422() throws Exception {
        HttpResponse<String> missing = api().get("/api/v1/probe-targets/no-such-target-here", admin);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("no probe target with key 'no-such-target-here'");
        String k = create(key(), false);
        for (String bad : new String[] {"abc", "0s", "-5m", "169h", "15 minutes"}) {
            HttpResponse<String> r = api().get("/api/v1/probe-targets/" + k + "?window="
                    + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8), admin);
            assertThat(r.statusCode()).as(bad).isEqualTo(422);
            assertThat(r.body()).contains("\"field\":\"window\"");
        }
        assertThat(api().get("/api/v1/probe-targets/" + k + "?window=168h", admin).statusCode()).isEqualTo(200);
    }
}
