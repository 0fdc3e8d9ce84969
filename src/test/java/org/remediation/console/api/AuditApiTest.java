package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail over real HTTP: the view's JSONL export with its filters, and the chain check. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired ProbeTargetService targets;
    @Autowired AuditService audit;
    String commander;

    @BeforeEach
    void token() {
        commander = ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER);
    }

    ApiCalls api() {
        return new ApiCalls(port);
    }

    /** Three audited changes of one new target: created, disabled, deleted. */
    String auditedTarget() {
        String key = "aud-" + UUID.randomUUID().toString().substring(0, 8);
        As.user("admin", Role.ADMIN, () -> {
            targets.create(new TargetDraft(key, "Audit " + key, "HTTP", Map.of("url", "http://{self}/sandbox/frontend/health"),
                    Duration.ofSeconds(30), Duration.ofSeconds(2), false, "frontend", null));
            targets.setEnabled(key, false);
            targets.delete(key);
        });
        return key;
    }

    static List<JsonNode> lines(String body) {
        return body.lines().map(JSON::readTree).toList();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theExportStreamsTheViewsJsonlWithItsFiltersOldestFirst() throws Exception {
        String key = auditedTarget();
        HttpResponse<String> r = api().get("/api/v1/audit?subject=" + q("probe:" + key), commander);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> events = lines(r.body());
        assertThat(events).extracting(e -> e.get("action").asString())
                .containsExactly("probe.target.created", "probe.target.disabled", "probe.target.deleted");
        assertThat(events).allSatisfy(e -> assertThat(e.get("actor").asString()).isEqualTo("admin"));
        assertThat(events.get(0).get("seq").asLong()).isLessThan(events.get(1).get("seq").asLong());
        assertThat(events.get(0).has("hash")).isTrue();
        // the same bytes the view's "Export JSONL" gives for this filter
        java.io.ByteArrayOutputStream view = new java.io.ByteArrayOutputStream();
        As.user("commander", Role.COMMANDER, () -> audit.exportJsonl(new AuditFilter(null, null, "probe:" + key, null, null), view));
        assertThat(r.body()).isEqualTo(view.toString(StandardCharsets.UTF_8));

        String byAction = api().get("/api/v1/audit?action=probe.target.dis&subject=" + q("probe:" + key), commander).body();
        assertThat(lines(byAction)).singleElement().satisfies(e -> assertThat(e.get("action").asString())
                .isEqualTo("probe.target.disabled"));
        Instant created = Instant.parse(events.get(0).get("occurredAt").asString());
        Instant deleted = Instant.parse(events.get(2).get("occurredAt").asString());
        String fromCreatedToDeleted = api().get("/api/v1/audit?subject=" + q("probe:" + key) + "&from=" + q(created.toString())
                + "&to=" + q(deleted.toString()), commander).body();
        assertThat(lines(fromCreatedToDeleted)).extracting(e -> e.get("action").asString())
                .doesNotContain("probe.target.deleted").contains("probe.target.created");
        assertThat(api().get("/api/v1/audit?actor=nobody-by-that-name&subject=" + q("probe:" + key), commander).body()).isEmpty();
    }

    @Test
    void anEmptyExportIsStillJsonlAndJsonlCanBeAskedForByItsOtherName() throws Exception {
        HttpResponse<String> none = api().get("/api/v1/audit?from=2999-01-01T00:00:00Z", commander);
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body()).isEmpty();
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        String key = auditedTarget();
        HttpResponse<String> jsonl = api().get("/api/v1/audit?subject=" + q("probe:" + key) + "&from=2026-01-01T00:00",
                commander, "Accept", "application/jsonl");
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        assertThat(lines(jsonl.body())).hasSize(3);
    }

    @Test
    void badFiltersAre422WithTheFieldAndUnknownParametersAreRefusedRatherThanIgnored() throws Exception {
        HttpResponse<String> badFrom = api().get("/api/v1/audit?from=yesterday&to=2026-13-01", commander);
        assertThat(badFrom.statusCode()).isEqualTo(422);
        assertThat(badFrom.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(badFrom.body()).contains("\"field\":\"from\"").contains("\"field\":\"to\"").contains("'yesterday'");
        HttpResponse<String> reversed = api().get("/api/v1/audit?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", commander);
        assertThat(reversed.statusCode()).isEqualTo(422);
        assertThat(reversed.body()).contains("must be after from");
        HttpResponse<String> typo = api().get("/api/v1/audit?actr=admin", commander);
        assertThat(typo.statusCode()).isEqualTo(422);
        assertThat(typo.body()).contains("Unknown parameter(s) [actr]");
    }

    @Test
    void aRefusedExportIsAProblemDocumentNotAnEmptyStream() throws Exception {
        String operator = ApiCalls.tokenFor(tokens, "operator", Role.OPERATOR);
        HttpResponse<String> r = api().get("/api/v1/audit", operator);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.body()).contains("\"status\":403");
    }

    @Test
    void verifyGivesTheViewsChainCheck() throws Exception {
        HttpResponse<String> r = api().get("/api/v1/audit/verify", commander);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode v = JSON.readTree(r.body());
        var direct = As.user("commander", Role.COMMANDER, audit::verify);
        assertThat(v.get("valid").asBoolean()).isEqualTo(direct.valid());
        assertThat(v.get("eventsChecked").asLong()).isPositive().isLessThanOrEqualTo(direct.eventsChecked());
        assertThat(v.get("message").asString()).startsWith(direct.valid() ? "Chain valid" : "Chain broken");
    }
}
