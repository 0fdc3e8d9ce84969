package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.ActionTestSupport;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The role matrix extended to the actions API: every endpoint × every role's token. An allowed call did
 * what it is for (checked on the action afterwards); a refused one is a 403 problem that changed nothing
 * (no action, no step). OPERATOR and COMMANDER change; every role but METRICS reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActionsRoleMatrixTest {

    enum Endpoint { LIST, GET, PREVIEW, REQUEST, APPROVE, REJECT, PREVIEW_AGAIN, EXECUTE, ROLLBACK }

    static final String FIXTURE_USER = "matrix-requester";
    static final Map<Role, String> PEOPLE = Map.of(Role.VIEWER, "viewer", Role.RESPONDER, "responder", Role.TEAM_LEAD, "lead",
            Role.OPERATOR, "operator", Role.COMMANDER, "commander", Role.ADMIN, "admin");
    /** Health-check intervals no test sets twice in a row, never the seed's (so a rollback always changes something). */
    static final AtomicInteger INTERVAL = new AtomicInteger(20);
    static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    static @Nullable Long succeeded;

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService users;
    @Autowired RemediationService service;
    @Autowired CloudGateway gateway;
    @Autowired JdbcTemplate jdbc;
    @Autowired IncidentService incidents;
    @Autowired RunbookService runbooks;
    ApiCalls api;

    static Stream<Arguments> cells() {
        return Stream.of(Endpoint.values()).flatMap(e -> Stream.of(Role.values()).map(r -> Arguments.of(e, r)));
    }

    static boolean allowed(Endpoint e, Role r) {
        return switch (e) {
            case LIST, GET -> r != Role.METRICS;
            default -> r == Role.OPERATOR || r == Role.COMMANDER;
        };
    }

    @BeforeEach
    void setUp() {
        api = new ApiCalls(port);
        ActionTestSupport.ensureP3Incident(incidents, runbooks);
        if (TOKENS.isEmpty()) {
            PEOPLE.forEach((role, user) -> TOKENS.put(role, ApiCalls.tokenFor(tokens, user, role)));
            for (Role account : Set.of(Role.METRICS, Role.REPORTER)) {
                String name = account.name().toLowerCase() + ThreadLocalRandom.current().nextInt(100_000, 999_999);
                As.user("admin", Role.ADMIN, () -> users.createServiceAccount(name, "Matrix " + account, Set.of(account)));
                TOKENS.put(account, As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(name, "matrix", null,
                        Set.of(account))).value());
            }
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachRolesTokenGetsWhatTheServiceAllowsAndARefusalChangesNothing(Endpoint endpoint, Role role) throws Exception {
        String token = TOKENS.get(role);
        long actions = count("remediation_action");
        long steps = count("remediation_step");
        @Nullable ActionRecord fixture = fixture(endpoint);
        long fixtureSteps = count("remediation_step");
        HttpResponse<String> r = call(endpoint, token, fixture);
        if (!allowed(endpoint, role)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(count("remediation_step")).as("a refused call writes no step").isEqualTo(fixtureSteps);
            if (fixture != null) {
                assertThat(As.viewer(() -> service.get(fixture.id())).status()).isEqualTo(fixture.status());
                close(fixture);
            } else {
                assertThat(count("remediation_action")).isEqualTo(actions);
            }
            return;
        }
        String user = PEOPLE.get(role);
        JsonNode body = ActionsApiTest.json(r);
        switch (endpoint) {
            case LIST -> assertThat(r.statusCode()).isEqualTo(200);
            case GET -> {
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(body.get("id").longValue()).isEqualTo(fixture.id());
                close(fixture);
            }
            case PREVIEW -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(count("remediation_action")).isEqualTo(actions);
                assertThat(count("remediation_step")).isEqualTo(steps);
            }
            case REQUEST -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                assertThat(body.get("requestedBy").stringValue()).isEqualTo(user);
                close(As.viewer(() -> service.get(body.get("id").longValue())));
            }
            case APPROVE -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(body.get("approvedBy").stringValue()).isEqualTo(user);
                close(fixture);
            }
            case REJECT -> assertThat(body.get("status").stringValue()).isEqualTo("REJECTED");
            case PREVIEW_AGAIN -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(count("remediation_step")).isEqualTo(fixtureSteps + 1);
                close(fixture);
            }
            case EXECUTE -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
                assertThat(awaitEnd(fixture.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
                assertThat(As.viewer(() -> service.trail(fixture.id())).stream().filter(s -> s.step().equals("started")).findFirst()
                        .orElseThrow().actor()).isEqualTo(user);
            }
            case ROLLBACK -> {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                assertThat(body.get("rollbackOf").longValue()).isEqualTo(fixture.id());
                assertThat(body.get("requestedBy").stringValue()).isEqualTo(user);
                close(As.viewer(() -> service.get(body.get("id").longValue())));
            }
        }
    }

    private HttpResponse<String> call(Endpoint endpoint, String token, @Nullable ActionRecord fixture) throws Exception {
        String path = fixture == null ? "" : "/api/v1/actions/" + fixture.id();
        return switch (endpoint) {
            case LIST -> api.get("/api/v1/actions?incidentKey=" + ActionTestSupport.P3_INCIDENT, token);
            case GET -> api.get(path, token);
            case PREVIEW -> api.post("/api/v1/actions/preview", token, "application/json", requestBody());
            case REQUEST -> api.post("/api/v1/actions", token, "application/json", requestBody());
            case APPROVE -> api.post(path + "/approve", token, "application/json", "");
            case REJECT -> api.post(path + "/reject", token, "application/json", "{\"reason\": \"matrix\"}");
            case PREVIEW_AGAIN -> api.post(path + "/preview", token, "application/json", "");
            case EXECUTE -> api.post(path + "/execute", token, "application/json", "");
            case ROLLBACK -> api.post(path + "/rollback", token, "application/json", "{\"reason\": \"matrix\"}");
        };
    }

    /** What the call under test acts on, made by a third person through the service. */
    private @Nullable ActionRecord fixture(Endpoint endpoint) {
        return switch (endpoint) {
            case LIST, PREVIEW, REQUEST -> null;
            case GET, EXECUTE -> request(false);
            case APPROVE, REJECT, PREVIEW_AGAIN -> request(true);
            case ROLLBACK -> As.viewer(() -> service.get(succeeded()));
        };
    }

    private long succeeded() {
        if (succeeded == null) {
            ActionRecord a = request(false);
            As.user(FIXTURE_USER, Role.OPERATOR, () -> service.execute(a.id()));
            assertThat(awaitEnd(a.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
            succeeded = a.id();
        }
        return succeeded;
    }

    /** A health-check change on the P3 fixture incident: READY, or (raised to P0) awaiting a second person. */
    private ActionRecord request(boolean needsApproval) {
        ActionDraft draft = ActionDraft.of(ActionKind.HEALTH_CHECK, ActionsApiTest.HEALTH_CHECK,
                Map.of(Attributes.CHECK_INTERVAL_SECONDS, nextInterval()), "role matrix fixture");
        ActionDraft linked = needsApproval ? draft.withIncident(null, "P0") : draft.forIncident(ActionTestSupport.P3_INCIDENT);
        ActionRecord a = As.user(FIXTURE_USER, Role.OPERATOR, () -> service.request(linked));
        assertThat(a.status()).isEqualTo(needsApproval ? ActionStatus.AWAITING_APPROVAL : ActionStatus.READY);
        return a;
    }

    private String requestBody() {
        return "{\"kind\": \"health-check\", \"resource\": \"" + ActionsApiTest.HEALTH_CHECK + "\", \"params\": {\""
                + Attributes.CHECK_INTERVAL_SECONDS + "\": \"" + nextInterval() + "\"}, \"reason\": \"matrix\","
                + " \"incidentKey\": \"" + ActionTestSupport.P3_INCIDENT + "\"}";
    }

    private String nextInterval() {
        String live = gateway.read(ActionsApiTest.HEALTH_CHECK).require(Attributes.CHECK_INTERVAL_SECONDS);
        int next = INTERVAL.incrementAndGet();
        return String.valueOf(String.valueOf(next).equals(live) ? INTERVAL.incrementAndGet() : next);
    }

    /** Takes an open fixture out of the way (nobody will run it). */
    private void close(ActionRecord a) {
        ActionRecord now = As.viewer(() -> service.get(a.id()));
        if (now.status().open()) {
            As.user("matrix-closer", Role.COMMANDER, () -> service.reject(a.id(), "role matrix done"));
        }
    }

    private ActionRecord awaitEnd(long id) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> As.viewer(() -> service.get(id)).status() != ActionStatus.RUNNING);
        return As.viewer(() -> service.get(id));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
