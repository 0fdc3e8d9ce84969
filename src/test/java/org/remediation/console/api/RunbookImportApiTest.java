package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
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
 * POST /api/v1/runbooks over real HTTP: a good runbook opens an incident as the Runbooks view does; every bad
 * one gets a problem document naming each problem as the view does, and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunbookImportApiTest {

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired RunbookService runbooks;
    @Autowired IncidentService incidents;
    @Autowired JdbcTemplate jdbc;

    ApiCalls api() {
        return new ApiCalls(port);
    }

    String commander() {
        return ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER);
    }

    HttpResponse<String> post(String key, String contentType, String yaml) throws Exception {
        return api().post("/api/v1/runbooks?incidentKey=" + key, commander(), contentType, yaml);
    }

    /** The call is refused with {@code status}, as a problem document, and not one row was written. */
    HttpResponse<String> refusedWithNothingWritten(int status, String key, String contentType, String yaml)
            throws Exception {
        String token = commander();
        long[] before = IncidentApiFixture.rows(jdbc);
        HttpResponse<String> response = api().post("/api/v1/runbooks?incidentKey=" + key, token, contentType, yaml);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(IncidentApiFixture.rows(jdbc)).containsExactly(before);
        assertThat(As.viewer(() -> incidents.find(key))).isEmpty();
        return response;
    }

    /** The problems the Runbooks view lists for the same YAML, from the same service call. */
    List<InvalidInputException.Problem> uiProblems(String key, String yaml) {
        try {
            As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, yaml));
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("the view would have accepted it");
    }

    static void sameProblemsAsTheView(HttpResponse<String> response, List<InvalidInputException.Problem> expected) {
        JsonNode errors = IncidentApiTest.JSON.readTree(response.body()).get("errors");
        List<String> got = new ArrayList<>();
        errors.forEach(e -> got.add(e.get("field").asString() + ": " + e.get("message").asString()));
        assertThat(got).containsExactlyElementsOf(expected.stream().map(Object::toString).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/yaml", "application/x-yaml", "text/yaml", "application/yaml; charset=utf-8"})
    void aGoodRunbookOpensTheIncidentWith201AndItsLocation(String contentType) throws Exception {
        String key = IncidentApiFixture.newKey();
        HttpResponse<String> created = post(key, contentType, IncidentApiFixture.RUNBOOK);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/incidents/" + key);
        JsonNode body = IncidentApiTest.json(created);
        assertThat(body.at("/incident/key").asString()).isEqualTo(key);
        assertThat(body.at("/incident/title").asString()).isEqualTo("API drill – connector saturated");
        assertThat(body.at("/incident/commander").asString()).isEqualTo("commander");
        assertThat(body.get("warnings").isEmpty()).isTrue();
        assertThat(As.viewer(() -> incidents.phases(key))).hasSize(2);
        assertThat(api().get(created.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", ""),
                commander()).statusCode()).isEqualTo(200);
    }

    @Test
    void aMeasureOnAMissingProbeTargetOpensTheIncidentWithTheViewsWarning() throws Exception {
        String key = IncidentApiFixture.newKey();
        HttpResponse<String> created = post(key, "application/yaml",
                IncidentApiFixture.RUNBOOK.replace("backend-health p95", "backend-helth p95"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode warning = IncidentApiTest.json(created).at("/warnings/0");
        assertThat(warning.get("field").asString()).isEqualTo("phases[0].criteria[0].measure");
        assertThat(warning.get("line").asInt()).isEqualTo(24);
        assertThat(warning.get("criterion").asString()).isEqualTo("fast");
        assertThat(warning.get("message").asString()).contains("no such probe target: backend-helth");
    }

    @Test
    void everyProblemComesBackWithItsPathLineAndTheViewsMessage() throws Exception {
        String yaml = IncidentApiFixture.RUNBOOK.replace("severity: P1", "severity: P7")
                .replace("owner: Development", "owner: Nobody")
                .replace("end: 3h", "end: 1h")
                .replace("text: \"Scale the connector\"", "text: [not, text]")
                .replace("dependsOn: [a]", "dependsOn: [a]\n    colour: blue");
        String key = IncidentApiFixture.newKey();
        HttpResponse<String> refused = refusedWithNothingWritten(422, key, "application/yaml", yaml);
        List<InvalidInputException.Problem> expected = uiProblems(key, yaml);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
        sameProblemsAsTheView(refused, expected);
        JsonNode body = IncidentApiTest.JSON.readTree(refused.body());
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("detail").asString()).startsWith(expected.size() + " problems: ");
        List<String> fieldsAndLines = new ArrayList<>();
        body.get("errors").forEach(e -> fieldsAndLines.add(e.get("field").asString() + "@" + e.get("line").asInt()));
        assertThat(fieldsAndLines).contains("severity@2", "phases[1].owner@30", "phases[1].window.end@31",
                "phases[0].tasks[0].text@17", "phases[1].colour@33");
    }

    @Test
    void malformedYamlIsA422WithTheLineWhereItBreaks() throws Exception {
        String yaml = "title: Drill\nseverity: P1\nphases:\n  - key: a\n    title: a: b\n    priority: P0\n";
        HttpResponse<String> refused = refusedWithNothingWritten(422, IncidentApiFixture.newKey(), "application/yaml",
                yaml);
        JsonNode error = IncidentApiTest.JSON.readTree(refused.body()).at("/errors/0");
        assertThat(error.get("field").asString()).isEqualTo("(document)");
        assertThat(error.get("line").asInt()).isEqualTo(5);
        assertThat(error.get("message").asString()).startsWith("line 5: not valid YAML");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreEachNamedAndRefused() throws Exception {
        String yaml = IncidentApiFixture.RUNBOOK.replace(
                "tasks:\n      - id: b1\n        text: \"Check the golden path\"\n        owner: QA\n", "tasks: none\n")
                .replace("window: { start: 0h, end: 1h30m }", "window: [0h, 1h30m]")
                .replace("severity: P1", "severity: P1\nreviewers: [ops]");
        String key = IncidentApiFixture.newKey();
        HttpResponse<String> refused = refusedWithNothingWritten(422, key, "application/yaml", yaml);
        sameProblemsAsTheView(refused, uiProblems(key, yaml));
        assertThat(refused.body()).contains("unknown field 'reviewers'; allowed here:")
                .contains("expected a mapping of fields (key: value), found a list")
                .contains("\"field\":\"phases[1].tasks\"").contains("expected a list, found 'none'");
    }

    @Test
    void anExistingKeyIsRefusedBecauseImportNeverReplacesAPlan() throws Exception {
        String key = IncidentApiFixture.newKey();
        assertThat(post(key, "application/yaml", IncidentApiFixture.RUNBOOK).statusCode()).isEqualTo(201);
        HttpResponse<String> again = refusedWithNothingWrittenForExisting(key);
        assertThat(again.body()).contains("\"field\":\"incidentKey\"").contains("incident " + key + " already exists");
    }

    private HttpResponse<String> refusedWithNothingWrittenForExisting(String key) throws Exception {
        String token = commander();
        long[] before = IncidentApiFixture.rows(jdbc);
        String exportBefore = As.viewer(() -> runbooks.export(key));
        HttpResponse<String> response = api().post("/api/v1/runbooks?incidentKey=" + key, token, "application/yaml",
                IncidentApiFixture.RUNBOOK.replace("Phase A: scale", "Phase A: replaced"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(IncidentApiFixture.rows(jdbc)).containsExactly(before);
        assertThat(As.viewer(() -> runbooks.export(key))).isEqualTo(exportBefore);
        return response;
    }

    @Test
    void aMissingOrMalformedKeyOrBodyGetsTheViewsMessage() throws Exception {
        HttpResponse<String> noKey = api().post("/api/v1/runbooks", commander(), "application/yaml",
                IncidentApiFixture.RUNBOOK);
        assertThat(noKey.statusCode()).isEqualTo(422);
        assertThat(noKey.body()).contains("\"field\":\"incidentKey\"").contains("use a key like INC-1278");
        refusedWithNothingWritten(422, "inc-12", "application/yaml", IncidentApiFixture.RUNBOOK);
        HttpResponse<String> empty = refusedWithNothingWritten(422, IncidentApiFixture.newKey(), "application/yaml", "");
        assertThat(empty.body()).contains("line 1: the runbook is empty");
    }

    @Test
    void aTakenKeyIsReportedTogetherWithTheRunbooksProblems() throws Exception {
        String key = IncidentApiFixture.newKey();
        assertThat(post(key, "application/yaml", IncidentApiFixture.RUNBOOK).statusCode()).isEqualTo(201);
        String yaml = IncidentApiFixture.RUNBOOK.replace("severity: P1", "severity: P7");
        long[] before = IncidentApiFixture.rows(jdbc);
        HttpResponse<String> refused = post(key, "application/yaml", yaml);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(IncidentApiFixture.rows(jdbc)).containsExactly(before);
        sameProblemsAsTheView(refused, uiProblems(key, yaml));
        assertThat(refused.body()).contains("incident " + key + " already exists").contains("\"field\":\"severity\"");
        HttpResponse<String> badKey = refusedWithNothingWritten(422, "inc-7", "application/yaml", yaml);
        assertThat(badKey.body()).contains("use a key like INC-1278").contains("'P7' is not one of P0, P1, P2, P3");
    }

    @Test
    void aWrongContentTypeIsA415() throws Exception {
        for (String type : List.of("application/json", "text/plain", "application/x-www-form-urlencoded")) {
            HttpResponse<String> refused = refusedWithNothingWritten(415, IncidentApiFixture.newKey(), type,
                    IncidentApiFixture.RUNBOOK);
            assertThat(refused.body()).contains("application/yaml");
            assertThat(refused.headers().firstValue("Accept").orElse("")).contains("application/yaml");
        }
    }

    @Test
    void aBodyOverTheLimitIsA413AndOneOverTheRunbookLimitA422() throws Exception {
        String padding = "\n# " + "x".repeat(1000);
        HttpResponse<String> huge = refusedWithNothingWritten(413, IncidentApiFixture.newKey(), "application/yaml",
                IncidentApiFixture.RUNBOOK + padding.repeat(1100));
        assertThat(huge.body()).contains("console.api.max-body");
        HttpResponse<String> big = refusedWithNothingWritten(422, IncidentApiFixture.newKey(), "application/yaml",
                IncidentApiFixture.RUNBOOK + padding.repeat(250));
        assertThat(big.body()).contains("the runbook is larger than 200000 characters");
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413Too() throws Exception {
        String key = IncidentApiFixture.newKey();
        byte[] body = (IncidentApiFixture.RUNBOOK + ("\n# " + "x".repeat(1000)).repeat(1100))
                .getBytes(StandardCharsets.UTF_8);
        long[] before = IncidentApiFixture.rows(jdbc);
        // a publisher of unknown length: the client sends Transfer-Encoding: chunked and no Content-Length
        var chunked = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body));
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/runbooks?incidentKey=" + key))
                .header("Authorization", "Bearer " + commander()).header("Content-Type", "application/yaml")
                .POST(chunked).build();
        HttpResponse<String> refused;
        try (var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            refused = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("console.api.max-body");
        assertThat(IncidentApiFixture.rows(jdbc)).containsExactly(before);
        assertThat(As.viewer(() -> incidents.find(key))).isEmpty();
    }
}
