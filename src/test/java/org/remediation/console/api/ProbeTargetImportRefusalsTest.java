package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remediation.console.api.ProbeTargetsApiTest.JSON;
import static org.remediation.console.api.ProbeTargetsApiTest.YAML;
import static org.remediation.console.api.ProbeTargetsApiTest.entry;
import static org.remediation.console.api.ProbeTargetsApiTest.key;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Imports the API refuses, each a problem document with nothing written (rows and audit counted before
 * and after): bad values with path and line, malformed YAML, wrong types, another content type, an
 * empty body, a body over the limit. Also what the parser lets through (unknown fields, lenient types).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetImportRefusalsTest {

    @LocalServerPort int port;
    @Autowired ApiTokenService tokenService;
    @Autowired ProbeTargetService targets;
    @Autowired JdbcTemplate jdbc;
    String admin;

    @BeforeEach
    void token() {
        admin = ApiCalls.tokenFor(tokenService, "admin", Role.ADMIN);
    }

    ApiCalls api() {
        return new ApiCalls(port);
    }

    String create(String key, boolean enabled) {
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "API " + key, "HTTP",
                Map.of("url", "http://{self}/sandbox/frontend/health"), Duration.ofSeconds(30), Duration.ofSeconds(2),
                enabled, "frontend", null)));
        return key;
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
    void unknownFieldsAreRefusedByNameAndLineSoATypoCannotPassSilently() throws Exception {
        long before = rows();
        String k = key();
        HttpResponse<String> r = api().put("/api/v1/probe-targets", admin, YAML,
                "targets:\n" + entry(k, "Extra fields", "    colour: red\n"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"targets[0].colour\"", "unknown field 'colour'; allowed here: key,");
        HttpResponse<String> top = api().put("/api/v1/probe-targets", admin, YAML,
                "targets:\n" + entry(k, "Extra fields", "") + "extra: 1\n");
        assertThat(top.statusCode()).as(top.body()).isEqualTo(422);
        assertThat(top.body()).contains("unknown field 'extra'");
        assertThat(rows()).isEqualTo(before);
        assertThat(As.viewer(() -> targets.find(k))).isEmpty();
    }

    @Test
    void wrongTypesAreRefusedAndNumbersInSettingsReadAsText() throws Exception {
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
        // documented in docs/api: numbers in settings become text; enabled must be a boolean
        String no = key();
        HttpResponse<String> notBoolean = api().put("/api/v1/probe-targets", admin, YAML, "targets:\n"
                + entry(no, "Enabled no", "").replace("    enabled: false\n", "    enabled: \"no\"\n"));
        assertThat(notBoolean.statusCode()).as(notBoolean.body()).isEqualTo(422);
        assertThat(notBoolean.body()).contains("enabled must be true or false");
        assertThat(As.viewer(() -> targets.find(no))).isEmpty();
        String numbers = key();
        HttpResponse<String> lenient = api().put("/api/v1/probe-targets", admin, YAML, "targets:\n"
                + entry(numbers, "Numbers", "").replace("/health\n", "/health\n      degradedAboveMs: 800\n"));
        assertThat(lenient.statusCode()).as(lenient.body()).isEqualTo(200);
        assertThat(As.viewer(() -> targets.find(numbers)).orElseThrow().settings()).containsEntry("degradedAboveMs", "800");
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
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("console.api.max-body");
        // streamed without a length (curl -T -): counted while read, refused the same way
        byte[] bytes = yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/probe-targets"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", YAML)
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(rows()).isEqualTo(before);
        // just under the limit is read (and here refused for what it says, not for its size)
        HttpResponse<String> under = api().put("/api/v1/probe-targets", admin, YAML,
                "targets: []\n#" + "x".repeat(1_000_000) + "\n");
        assertThat(under.statusCode()).as(under.body()).isEqualTo(200);
        assertThat(under.body()).contains("\"created\":0,\"updated\":0");
    }
}
