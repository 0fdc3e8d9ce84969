package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionOwner;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.incident.TimelineService;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The incident reads over real HTTP: what the board shows, as JSON, the timeline also as Markdown, the plan as YAML. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired RunbookService runbooks;
    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired CriteriaService criteria;
    @Autowired SignOffService signOffs;
    @Autowired TimelineService timeline;

    ApiCalls api() {
        return new ApiCalls(port);
    }

    String viewer() {
        return ApiCalls.tokenFor(tokens, "viewer", Role.VIEWER);
    }

    String opened() {
        String key = IncidentApiFixture.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, IncidentApiFixture.RUNBOOK));
        return key;
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    @Test
    void theListHasEachIncidentsHeader() throws Exception {
        String key = opened();
        HttpResponse<String> list = api().get("/api/v1/incidents", viewer());
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode mine = json(list).valueStream().filter(i -> i.get("key").asString().equals(key)).findFirst()
                .orElseThrow();
        assertThat(mine.get("title").asString()).isEqualTo("API drill – connector saturated");
        assertThat(mine.get("severity").asString()).isEqualTo("P1");
        assertThat(mine.get("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(mine.get("commander").asString()).isEqualTo("commander");
        assertThat(Instant.parse(mine.get("startedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(mine.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void oneIncidentHasPhasesTasksCriteriaWithTheirStateAndKpis() throws Exception {
        String key = opened();
        PhaseState a = As.viewer(() -> incidents.phases(key)).getFirst();
        As.user("commander", Role.COMMANDER, () -> {
            checklist.setDone(a.tasks().getFirst().id(), a.tasks().getFirst().version(), true);
            criteria.confirmManual(CriterionOwner.phase(key, "a", "qa"), "QA run 412 green");
            signOffs.overrideSignOff(a.id(), "backend latency is judged by the next phase");
        });

        HttpResponse<String> response = api().get("/api/v1/incidents/" + key, viewer());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.at("/incident/key").asString()).isEqualTo(key);
        JsonNode phaseA = body.at("/phases/0");
        assertThat(phaseA.get("key").asString()).isEqualTo("a");
        assertThat(phaseA.get("ownerTeam").asString()).isEqualTo("Infrastructure");
        assertThat(phaseA.at("/window/start").asString()).isEqualTo("0h");
        assertThat(phaseA.at("/window/end").asString()).isEqualTo("1h30m");
        assertThat(Instant.parse(phaseA.at("/window/plannedEnd").asString()))
                .isEqualTo(Instant.parse(body.at("/incident/startedAt").asString()).plusSeconds(90 * 60));
        assertThat(phaseA.get("status").asString()).isEqualTo("SIGNED_OFF");
        assertThat(phaseA.at("/signOff/by").asString()).isEqualTo("commander");
        assertThat(phaseA.at("/signOff/override").asBoolean()).isTrue();
        assertThat(phaseA.at("/signOff/overrideReason").asString()).contains("judged by the next phase");
        assertThat(phaseA.at("/tasks/0/id").asString()).isEqualTo("a1");
        assertThat(phaseA.at("/tasks/0/done").asBoolean()).isTrue();
        assertThat(phaseA.at("/tasks/0/doneBy").asString()).isEqualTo("commander");

        JsonNode fast = phaseA.at("/criteria/0");
        assertThat(fast.get("key").asString()).isEqualTo("fast");
        assertThat(fast.get("manual").asBoolean()).isFalse();
        assertThat(fast.get("measure").asString()).isEqualTo("backend-health p95 < 1000 ms over 10m min 3");
        assertThat(fast.get("state").asString()).isIn("MET", "NOT_MET", "NO_DATA");
        assertThat(fast.get("threshold").asString()).isEqualTo("< 1000 ms over 10m");
        assertThat(fast.get("window").asString()).isEqualTo("PT10M");
        assertThat(fast.get("samples").isNumber()).isTrue();
        assertThat(fast.get("value").isString()).isTrue();
        assertThat(fast.get("since").isString()).isTrue();
        JsonNode qa = phaseA.at("/criteria/1");
        assertThat(qa.get("manual").asBoolean()).isTrue();
        assertThat(qa.get("state").asString()).isEqualTo("MET");
        assertThat(qa.get("confirmedBy").asString()).isEqualTo("commander");
        assertThat(qa.get("evidenceNote").asString()).isEqualTo("QA run 412 green");
        assertThat(qa.get("window").isNull()).isTrue();
        // the same state the board reads, from the same one place
        var live = As.viewer(() -> criteria.find(CriterionOwner.phase(key, "a", "qa"))).orElseThrow();
        assertThat(Instant.parse(qa.get("since").asString())).isEqualTo(live.since());

        JsonNode phaseB = body.at("/phases/1");
        assertThat(phaseB.at("/dependsOn/0/phase").asString()).isEqualTo("a");
        assertThat(phaseB.at("/dependsOn/0/status").asString()).isEqualTo("SIGNED_OFF");
        assertThat(phaseB.at("/tasks/0/owner").asString()).isEqualTo("QA");
        assertThat(phaseB.at("/signOff").isNull()).isTrue();

        JsonNode kpi = body.at("/kpis/0");
        assertThat(kpi.get("key").asString()).isEqualTo("redis-ok");
        assertThat(kpi.get("text").asString()).isEqualTo("Redis connectivity 100 %");
        assertThat(kpi.get("window").asString()).isEqualTo("PT15M");
        assertThat(kpi.get("threshold").asString()).isEqualTo("= 100 % over 15m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/timeline", "/runbook"})
    void anUnknownKeyIsA404ProblemDocument(String tail) throws Exception {
        HttpResponse<String> missing = api().get("/api/v1/incidents/NOPE-1" + tail, viewer());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("\"status\":404").contains("There is no incident NOPE-1.");
    }

    @Test
    void theTimelineIsJsonByDefaultAndTheViewsMarkdownOnRequest() throws Exception {
        String key = opened();
        String token = viewer();
        for (String[] accept : List.of(new String[0], new String[] {"Accept", "*/*"},
                new String[] {"Accept", "application/json"})) {
            HttpResponse<String> entries = api().get("/api/v1/incidents/" + key + "/timeline", token, accept);
            assertThat(entries.statusCode()).isEqualTo(200);
            JsonNode first = json(entries).get(0);
            assertThat(first.get("category").asString()).isEqualTo("incident.opened");
            assertThat(first.get("actor").asString()).isEqualTo("commander");
            assertThat(first.get("text").asString()).startsWith("Incident " + key + " opened");
            assertThat(first.get("loud").asBoolean()).isFalse();
        }
        HttpResponse<String> md = api().get("/api/v1/incidents/" + key + "/timeline", token, "Accept", "text/markdown");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).isEqualTo(As.viewer(() -> timeline.markdown(key))).startsWith("# Timeline of " + key);
        assertThat(api().get("/api/v1/incidents/" + key + "/timeline", token, "Accept", "text/csv").statusCode())
                .isEqualTo(406);
    }

    @Test
    void errorsBeforeAnyControllerIsChosenAreProblemDocumentsToo() throws Exception {
        String key = opened();
        String token = viewer();
        HttpResponse<String> notAcceptable = api().get("/api/v1/incidents/" + key + "/runbook", token,
                "Accept", "application/json");
        HttpResponse<String> wrongMethod = api().send("DELETE", "/api/v1/incidents/" + key, token, null, null);
        for (var response : List.of(notAcceptable, wrongMethod)) {
            assertThat(response.headers().firstValue("Content-Type")).as(response.body())
                    .hasValue("application/problem+json");
        }
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
        assertThat(notAcceptable.body()).contains("This resource is available as [application/yaml]");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET");
        // outside /api/ Spring answers as it always did
        HttpResponse<String> actuator = api().send("POST", "/actuator/health", null, "application/json", "{}");
        assertThat(actuator.headers().firstValue("Content-Type").orElse("")).doesNotContain("problem");
    }

    @Test
    void theOpenApiDescriptionNamesEachCallWithItsMediaTypes() throws Exception {
        JsonNode paths = json(api().get("/api/v1/openapi.json", viewer())).get("paths");
        assertThat(paths.at("/~1api~1v1~1incidents/get/summary").asString()).isEqualTo("List incidents, newest first");
        assertThat(paths.at("/~1api~1v1~1incidents~1{key}/get/responses/404").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1incidents~1{key}~1timeline/get/responses/200/content").has("text/markdown"))
                .isTrue();
        assertThat(paths.at("/~1api~1v1~1incidents~1{key}~1runbook/get/responses/200/content").has("application/yaml"))
                .isTrue();
        JsonNode post = paths.at("/~1api~1v1~1runbooks/post");
        assertThat(post.at("/requestBody/content").has("application/yaml")).isTrue();
        assertThat(post.at("/responses").has("422")).isTrue();
        assertThat(post.at("/tags/0").asString()).isEqualTo("Runbooks");
    }

    @Test
    void theRunbookExportIsTheViewsYamlAndImportsBackToTheSamePlan() throws Exception {
        String key = opened();
        String commander = ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER);
        HttpResponse<String> exported = api().get("/api/v1/incidents/" + key + "/runbook", viewer());
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(exported.body()).isEqualTo(As.viewer(() -> runbooks.export(key))).contains("title: \"API drill – connector");

        String copy = IncidentApiFixture.newKey();
        HttpResponse<String> imported = api().post("/api/v1/runbooks?incidentKey=" + copy, commander,
                "application/yaml", exported.body());
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(api().get("/api/v1/incidents/" + copy + "/runbook", viewer()).body()).isEqualTo(exported.body());
        assertThat(As.viewer(() -> incidents.runbook(copy))).isEqualTo(As.viewer(() -> incidents.runbook(key)));
    }
}
