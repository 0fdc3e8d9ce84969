package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionTestSupport;
import org.remediation.console.remediation.RemediationService;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remediation actions over real HTTP with real tokens on the sandbox cloud: the documented flow from
 * request to rollback (docs/api/actions.md, run as written), four eyes for tokens, and every refusal
 * as a problem document that wrote nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionsApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ResourceRef HEALTH_CHECK = new ResourceRef(ResourceKind.HEALTH_CHECK, "global", "netra-backend-hc");

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;
    @Autowired RemediationService service;
    @Autowired CloudGateway gateway;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired RunbookService runbooks;

    ApiCalls api;
    String operator;
    String commander;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        operator = ApiCalls.tokenFor(tokens, "operator", Role.OPERATOR);
        commander = ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER);
        ActionTestSupport.ensureP3Incident(incidents, runbooks);
    }

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    long actions() {
        return jdbc.queryForObject("select count(*) from remediation_action", Long.class);
    }

    long steps() {
        return jdbc.queryForObject("select count(*) from remediation_step", Long.class);
    }

    @Test
    void theDocumentedFlowRunsAsWrittenFromRequestToRollbackAndTheAuditNamesThePeopleBehindTheTokens() throws Exception {
        CurlDocs docs = CurlDocs.section(Path.of("docs/api/actions.md"), "## A change from request to rollback",
                CurlDocs.environment(port, tokens, admin));
        String tierBefore = gateway.read(new ResourceRef(ResourceKind.SQL_INSTANCE, "us-central1", "netra-staging-db"))
                .require(Attributes.TIER);
        long before = actions();

        JsonNode p = JSON.readTree(docs.next()); // preview
        assertThat(p.get("approvalRequired").booleanValue()).isTrue();
        assertThat(p.at("/preview/gcloud").stringValue()).startsWith("gcloud sql instances patch netra-staging-db")
                .contains("--tier=db-custom-4-15360");
        assertThat(p.at("/preview/diff").toString()).contains("{\"attribute\":\"tier\",\"before\":\"" + tierBefore
                + "\",\"after\":\"db-custom-4-15360\"}");
        assertThat(actions()).as("a preview writes nothing").isEqualTo(before);

        String requested = docs.next();
        JsonNode a = JSON.readTree(docs.read("action.json"));
        String id = String.valueOf(a.get("id").longValue());
        assertThat(requested).contains("action #" + id + " AWAITING_APPROVAL requested by operator");
        assertThat(docs.read("request-headers.txt")).contains(" 201").containsIgnoringCase("Location: /api/v1/actions/" + id);
        assertThat(a.at("/preview/gcloud").stringValue()).contains("--tier=db-custom-4-15360");
        assertThat(a.get("approvalReasons").stringValue()).contains("restart");

        // four eyes: the requester's token, and any other token of theirs, is refused; nothing moves
        long stepsBefore = steps();
        String secondTokenOfTheRequester = ApiCalls.tokenFor(tokens, "operator", Role.OPERATOR);
        for (String own : List.of(operator, secondTokenOfTheRequester)) {
            HttpResponse<String> self = api.post("/api/v1/actions/" + id + "/approve", own, "application/json", "");
            assertThat(self.statusCode()).as(self.body()).isEqualTo(403);
            assertThat(self.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(self).get("detail").stringValue()).isEqualTo("You requested action #" + id
                    + "; a second person (OPERATOR or COMMANDER) must approve it.");
        }
        assertThat(steps()).isEqualTo(stepsBefore);
        HttpResponse<String> early = api.post("/api/v1/actions/" + id + "/execute", operator, "application/json", "");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json(early).get("detail").stringValue()).contains("a second person must approve it first");

        JsonNode approved = JSON.readTree(docs.next());
        assertThat(approved.get("status").stringValue()).isEqualTo("READY");
        assertThat(approved.get("approvedBy").stringValue()).isEqualTo("commander");

        String started = docs.next(); // curl -i: the status line and headers, then the body
        assertThat(started).contains(" 202").containsIgnoringCase("Location: /api/v1/actions/" + id)
                .containsIgnoringCase("Retry-After: 2").contains("\"status\":\"RUNNING\"");
        JsonNode done = JSON.readTree(docs.next());
        assertThat(done.get("status").stringValue()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.get("progress").intValue()).isEqualTo(100);

        JsonNode r = JSON.readTree(docs.next());
        String rollbackId = String.valueOf(r.get("id").longValue());
        assertThat(r.get("rollbackOf").longValue()).isEqualTo(Long.parseLong(id));
        assertThat(r.get("params").get("tier").stringValue()).isEqualTo(tierBefore);
        assertThat(r.get("status").stringValue()).isEqualTo("AWAITING_APPROVAL");
        assertThat(docs.next().strip()).as("the original after its rollback ran").isEqualTo("ROLLED_BACK");
        assertThat(json(api.get("/api/v1/actions/" + rollbackId, operator)).get("status").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(gateway.read(new ResourceRef(ResourceKind.SQL_INSTANCE, "us-central1", "netra-staging-db"))
                .require(Attributes.TIER)).isEqualTo(tierBefore);
        assertThat(json(api.get("/api/v1/actions/" + id, operator)).get("trail").toString())
                .contains("\"step\":\"rolled-back\"");

        JsonNode list = JSON.readTree(docs.next());
        assertThat(list.findValues("id").stream().map(JsonNode::longValue).toList())
                .contains(Long.parseLong(id), Long.parseLong(rollbackId));
        assertThat(list.findValues("incidentKey").stream().map(JsonNode::stringValue).distinct().toList())
                .containsExactly("INC-1278");
        docs.assertAllRan();

        List<String> audit = jdbc.queryForList("select actor || ' ' || action from audit_event where subject = ? order by seq",
                String.class, "action:" + id);
        assertThat(audit).containsSubsequence("operator action.previewed", "operator action.requested",
                "commander action.approved", "operator action.started", "system action.succeeded",
                "system action.rolled-back"); // the tracker finishes operations as the system, named as such
        assertThat(jdbc.queryForList("select actor || ' ' || action from audit_event where subject = ? order by seq",
                String.class, "action:" + rollbackId)).containsSubsequence("operator action.requested",
                "commander action.approved", "operator action.started");
    }

    @Test
    void theOpenApiDescriptionListsTheActionCalls() throws Exception {
        HttpResponse<String> doc = api.get("/api/v1/openapi.json", operator);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("\"/api/v1/actions/{id}/execute\"", "\"/api/v1/actions/{id}/approve\"",
                "\"/api/v1/actions/{id}/rollback\"", "\"/api/v1/actions/preview\"", "\"ActionRequest\"", "Retry-After");
    }

    @Test
    void invalidInputIs422WithTheFieldPathsAndTheMessagesTheFormShowsAndWritesNothing() throws Exception {
        long before = actions();
        String body = "{\"kind\": \"health-check\", \"resource\": \"HEALTH_CHECK/global/netra-backend-hc\","
                + " \"params\": {\"checkIntervalSec\": \"0\", \"colour\": \"red\"}, \"reason\": \" \"}";
        HttpResponse<String> bad = api.post("/api/v1/actions", operator, "application/json", body);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        List<InvalidInputException.Problem> form = As.user("operator", Role.OPERATOR, () -> service.validate(ActionDraft.of(
                ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "0", "colour", "red"), " ")));
        assertThat(form).isNotEmpty();
        List<String> expected = form.stream().map(f -> (f.field().equals("reason") ? "reason" : "params." + f.field())
                + ": " + f.message()).toList();
        List<String> got = new java.util.ArrayList<>();
        json(bad).get("errors").forEach(e -> got.add(e.get("field").stringValue() + ": " + e.get("message").stringValue()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected)
                .anySatisfy(e -> assertThat(e).startsWith("params.colour: Unknown parameter 'colour'"))
                .anySatisfy(e -> assertThat(e).startsWith("reason: Say why"));

        HttpResponse<String> kind = api.post("/api/v1/actions", operator, "application/json",
                "{\"kind\": \"scale-everything\", \"resource\": \"HEALTH_CHECK/global/netra-backend-hc\", \"reason\": \"x\"}");
        assertThat(kind.statusCode()).isEqualTo(422);
        assertThat(json(kind).at("/errors/0/field").stringValue()).isEqualTo("kind");
        assertThat(json(kind).at("/errors/0/message").stringValue()).startsWith("Unknown action kind 'scale-everything'");

        HttpResponse<String> resource = api.post("/api/v1/actions", operator, "application/json",
                "{\"kind\": \"health-check\", \"resource\": \"HEALTH_CHECK/global/nope\", \"params\": {\"unhealthyThreshold\": 4},"
                        + " \"reason\": \"x\"}");
        assertThat(resource.statusCode()).isEqualTo(422);
        assertThat(json(resource).at("/errors/0/field").stringValue()).isEqualTo("resource");
        assertThat(json(resource).at("/errors/0/message").stringValue()).contains("is not a resource of the sandbox cloud");

        HttpResponse<String> spec = api.post("/api/v1/actions", operator, "application/json",
                "{\"spec\": \"health-check resource=SQL_INSTANCE/us-central1/netra-staging-db unhealthyThreshold=4\", \"reason\": \"x\"}");
        assertThat(spec.statusCode()).isEqualTo(422);
        assertThat(json(spec).at("/errors/0/field").stringValue()).isEqualTo("spec");
        assertThat(json(spec).at("/errors/0/message").stringValue()).contains("acts on a");

        HttpResponse<String> types = api.post("/api/v1/actions", operator, "application/json",
                "{\"kind\": 3, \"params\": [1], \"watchMinutes\": \"ten\", \"watchSignals\": [\"a\", 2], \"colour\": \"red\","
                        + " \"reason\": \"x\"}");
        assertThat(types.statusCode()).as(types.body()).isEqualTo(422);
        assertThat(json(types).findValues("field").stream().map(JsonNode::stringValue).toList())
                .containsExactlyInAnyOrder("colour", "kind", "params", "watchMinutes", "watchSignals[1]");

        HttpResponse<String> malformed = api.post("/api/v1/actions", operator, "application/json", "{\"kind\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> noReason = api.post("/api/v1/actions/1/rollback", operator, "application/json", "{\"why\": \"x\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(json(noReason).at("/errors/0/field").stringValue()).isEqualTo("why");
        assertThat(actions()).as("nothing written").isEqualTo(before);
    }

    @Test
    void anUnknownIdIs404AndABusyResourceOrAStalePreviewIs409UntilPreviewedAgain() throws Exception {
        for (String call : List.of("approve", "execute", "preview")) {
            HttpResponse<String> missing = api.post("/api/v1/actions/987654321/" + call, operator, "application/json", "");
            assertThat(missing.statusCode()).as(call).isEqualTo(404);
            assertThat(json(missing).get("detail").stringValue()).isEqualTo("There is no action #987654321.");
        }
        assertThat(api.get("/api/v1/actions/987654321", operator).statusCode()).isEqualTo(404);

        String interval = gateway.read(HEALTH_CHECK).require(Attributes.CHECK_INTERVAL_SECONDS);
        String next = interval.equals("7") ? "8" : "7";
        String body = "{\"kind\": \"health-check\", \"resource\": \"" + HEALTH_CHECK + "\", \"params\": {\"checkIntervalSec\": \""
                + next + "\"}, \"reason\": \"api busy test\", \"incidentKey\": \"" + ActionTestSupport.P3_INCIDENT + "\"}";
        long first = json(api.post("/api/v1/actions", operator, "application/json", body)).get("id").longValue();
        JsonNode second = json(api.post("/api/v1/actions", commander, "application/json", body.replace("\"" + next + "\"",
                "\"" + (Integer.parseInt(next) + 2) + "\"")));
        assertThat(second.get("status").stringValue()).isEqualTo("READY");
        assertThat(api.post("/api/v1/actions/" + first + "/execute", operator, "application/json", "").statusCode())
                .isEqualTo(202);
        HttpResponse<String> busy = api.post("/api/v1/actions/" + second.get("id").longValue() + "/execute", commander,
                "application/json", "");
        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(409);
        assertThat(json(busy).get("detail").stringValue()).contains("is busy: action #" + first);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() ->
                json(api.get("/api/v1/actions/" + first, operator)).get("finished").booleanValue());
        String secondPath = "/api/v1/actions/" + second.get("id").longValue();
        HttpResponse<String> stale = api.post(secondPath + "/execute", commander, "application/json", "");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(json(stale).get("detail").stringValue()).contains("changed since action #");
        assertThat(json(api.get(secondPath, operator)).get("status").stringValue()).isEqualTo("STALE");
        HttpResponse<String> again = api.post(secondPath + "/preview", commander, "application/json", "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json(again).get("status").stringValue()).isEqualTo("READY");
        HttpResponse<String> rejected = api.post(secondPath + "/reject", operator, "application/json",
                "{\"reason\": \"the first one did it\"}");
        assertThat(json(rejected).get("status").stringValue()).isEqualTo("REJECTED");
        HttpResponse<String> closed = api.post(secondPath + "/execute", commander, "application/json", "");
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(json(closed).get("detail").stringValue()).contains("is REJECTED");
    }
}
