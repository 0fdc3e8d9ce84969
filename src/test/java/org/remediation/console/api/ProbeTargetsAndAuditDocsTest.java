package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.remediation.console.support.CurlDocs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs every curl example of docs/api/probe-targets-and-audit.md as written ({@link CurlDocs}: the real
 * curl, in document order, beside the files the document shows). Every example is marked with the
 * status it answers ({@code # → 2xx} uses curl -f, {@code # → 4xx} prints its problem document). Then
 * the OpenAPI description must list the endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetsAndAuditDocsTest {

    static final Path DOC = Path.of("docs/api/probe-targets-and-audit.md");
    static final Pattern EXPECT = Pattern.compile("(?m)^# → (\\d{3})");

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;
    @Autowired ProbeTargetService targets;

    @Test
    void everyCurlExampleRunsAsWrittenWithTheRealCurl() throws Exception {
        CurlDocs docs = CurlDocs.of(DOC, CurlDocs.environment(port, tokens, admin));
        assertThat(docs.blocks()).hasSize(7).allSatisfy(e -> assertThat(e).contains("curl ").containsPattern(EXPECT));
        List<String> outputs = docs.rest();
        assertThat(outputs).anySatisfy(output -> assertThat(output).contains("\"status\":422")
                .contains("{\"field\":\"targets[0].interval\",\"line\":5,")
                .contains("{\"field\":\"targets[0].kind\",\"line\":4,"));
        assertThat(docs.read("all-targets.yaml")).startsWith("---\ntargets:");
        assertThat(As.viewer(() -> targets.find("docs-checkout")).orElseThrow().settings())
                .containsEntry("degradedAboveMs", "800");
        assertThat(As.viewer(() -> targets.find("docs-broken"))).isEmpty();
    }

    @Test
    void theOpenApiDescriptionListsTheEndpointsWithTheirProblems() throws Exception {
        String token = ApiCalls.tokenFor(tokens, "viewer", Role.VIEWER);
        HttpResponse<String> r = new ApiCalls(port).get("/api/v1/openapi.json", token);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"/api/v1/probe-targets\"", "\"/api/v1/probe-targets/{key}\"",
                "\"/api/v1/audit\"", "\"/api/v1/audit/verify\"", "Import targets from YAML", "application/yaml",
                "application/x-ndjson", "\"422\"", "\"413\"", "\"415\"");
    }
}
