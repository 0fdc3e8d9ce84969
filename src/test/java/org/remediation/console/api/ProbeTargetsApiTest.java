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
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The probe-target endpoints over real HTTP: export, import (all or nothing), one target's state and figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetsApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String YAML = "application/yaml";

    @LocalServerPort int port;
    @Autowired ApiTokenService tokenService;
    @Autowired UserAdminService users;
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

    long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
    }

    long targetChangesAfter(long seq) {
        return jdbc.queryForObject("select count(*) from audit_event where action like 'probe.target%' and seq > ?",
                Long.class, seq);
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
    void aBadDocumentIsRefusedWithEveryProblemItsPathAndLineAndNothingIsWritten() throws Exception {
        String existing = create(key(), false);
        long before = rows();
        long seq = lastSeq();
        String good = key();
        String yaml = "targets:\n" + entry(good, "Fine", "") + entry(existing, "Would rename", "")
                + "  - key: " + key() + "\n    name: Broken\n    kind: HTTPS\n    interval: fast\n    goldenPath: three\n"
                + "    settings: [a, b]\n";
        HttpResponse<String> r = api().put("/api/v1/probe-targets", admin, YAML, yaml);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("title").asString()).contains("nothing was changed");
        Map<String, Integer> lines = new java.util.TreeMap<>();
        problem.get("errors").forEach(e -> lines.put(e.get("field").asString(), e.get("line").asInt()));
        // entries take 9 lines each: the third starts at line 20, its "kind" is on 22, "interval" 23 …
        assertThat(lines).containsEntry("targets[2].interval", 23).containsEntry("targets[2].goldenPath", 24)
                .containsEntry("targets[2].settings", 25).containsEntry("targets[2].kind", 22);
        assertThat(rows()).isEqualTo(before);
        assertThat(As.viewer(() -> targets.find(good))).isEmpty();
        assertThat(As.viewer(() -> targets.find(existing)).orElseThrow().name()).isEqualTo("API " + existing);
        assertThat(targetChangesAfter(seq)).isZero();
    }

    @Test
    void malformedYamlAnEmptyDocumentAndAListOfScalarsAre422WithTheLine() throws Exception {
        long before = rows();
        HttpResponse<String> broken = api().put("/api/v1/probe-targets", admin, YAML, "targets:\n  - key: a\n   name: [\n");
        assertThat(broken.statusCode()).as(broken.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(broken.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("yaml");
        assertThat(error.get("message").asString()).contains("not valid YAML at line");
        assertThat(error.get("line").asInt()).isBetween(2, 4);
        HttpResponse<String> noList = api().put("/api/v1/probe-targets", admin, YAML, "probes: []\n");
        assertThat(noList.statusCode()).isEqualTo(422);
        assertThat(noList.body()).contains("\"field\":\"targets\"").contains("\"line\":1");
        HttpResponse<String> scalars = api().put("/api/v1/probe-targets", admin, YAML, "targets:\n  - one\n  - two\n");
        assertThat(scalars.statusCode()).isEqualTo(422);
        assertThat(scalars.body()).contains("targets[0]").contains("targets[1]").contains("\"line\":3");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreIgnoredAsTheViewsImportIgnoresThem() throws Exception {
        String k = key();
        HttpResponse<String> r = api().put("/api/v1/probe-targets", admin, YAML,
                "targets:\n" + entry(k, "Extra fields", "    colour: red\n    owner: team-a\n"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(As.user("admin", Role.ADMIN, targets::exportYaml)).contains(k).doesNotContain("colour");
    }

    @Test
    void wrongTypesAreRefusedWhereTheParserChecksThemAndReadLenientlyWhereItDoesNot() throws Exception {
        long before = rows();
        HttpResponse<String> refused = api().put("/api/v1/probe-targets", admin, YAML, "targets:\n"
                + "  - key: " + key() + "\n    name: [a, b]\n    kind: HTTP\n    interval: [1, 2]\n    goldenPath: 2.5\n"
                + "    settings: just-text\n"
                + entry(key(), "Nested setting", "").replace("url: http://{self}/sandbox/frontend/health",
                        "url:\n        nested: http://{self}/sandbox/frontend/health"));
        // a list or mapping where a value belongs was a 500 (Jackson's coercion error) before
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("\"targets[0].name\"", "targets[0].interval", "targets[0].goldenPath",
                "\"targets[0].settings\"", "{\"field\":\"targets[1].settings.url\",\"line\":16,");
        assertThat(rows()).isEqualTo(before);
        // documented in docs/api: numbers in settings become text; enabled is true unless exactly false
        String numbers = key();
        String no = key();
        HttpResponse<String> lenient = api().put("/api/v1/probe-targets", admin, YAML, "targets:\n"
                + entry(numbers, "Numbers", "").replace("/health\n", "/health\n      degradedAboveMs: 800\n")
                + entry(no, "Enabled no", "").replace("    enabled: false\n", "    enabled: \"no\"\n"));
        assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(200);
        assertThat(As.viewer(() -> targets.find(numbers)).orElseThrow().settings()).containsEntry("degradedAboveMs", "800");
        assertThat(As.viewer(() -> targets.find(no)).orElseThrow().enabled()).isTrue();
        As.user("admin", Role.ADMIN, () -> targets.setEnabled(no, false));
    }

    @Test
    void anEmptyBodyIs400AndAnotherContentTypeIs415AndNothingIsWritten() throws Exception {
        long before = rows();
        String yaml = "targets:\n" + entry(key(), "Sent as JSON", "");
        HttpResponse<String> json = api().put("/api/v1/probe-targets", admin, "application/json", yaml);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.body()).contains("application/yaml");
        assertThat(api().put("/api/v1/probe-targets", admin, "text/plain", yaml).statusCode()).isEqualTo(415);
        assertThat(api().send("PUT", "/api/v1/probe-targets", admin, null, yaml).statusCode()).isEqualTo(415);
        HttpResponse<String> empty = api().put("/api/v1/probe-targets", admin, YAML, "");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aDocumentOverOneMegabyteIs413BeforeAnythingReadsIt() throws Exception {
        long before = rows();
        StringBuilder yaml = new StringBuilder("targets:\n");
        while (yaml.length() <= 1_100_000) {
            yaml.append(entry(key(), "Bulk", ""));
        }
        HttpResponse<String> r = api().put("/api/v1/probe-targets", admin, YAML, yaml.toString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("console.api.max-body");
        assertThat(rows()).isEqualTo(before);
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
