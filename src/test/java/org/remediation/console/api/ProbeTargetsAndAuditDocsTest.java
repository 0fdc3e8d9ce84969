package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs every curl example of docs/api/probe-targets-and-audit.md as written, with the real curl, in
 * document order, in a directory holding the files the document shows ({@code ```yaml targets.yaml}).
 * An example marked {@code # → 2xx} must exit 0 (it uses curl -f); one marked {@code # → 4xx} must
 * print a problem document with that status. Then the OpenAPI description must list the endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetsAndAuditDocsTest {

    static final Path DOC = Path.of("docs/api/probe-targets-and-audit.md");
    static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)(?: ([\\w.-]+))?\\n(.*?)^```");
    static final Pattern EXPECT = Pattern.compile("(?m)^# → (\\d{3})");

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired ProbeTargetService targets;
    @TempDir Path work;

    @Test
    void everyCurlExampleRunsAsWrittenWithTheRealCurl() throws Exception {
        List<String> examples = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (m.find()) {
            if (m.group(2) != null) {
                Files.writeString(work.resolve(m.group(2)), m.group(3));
            } else if (m.group(1).equals("bash")) {
                examples.add(m.group(3));
            }
        }
        assertThat(examples).hasSize(7).allSatisfy(e -> assertThat(e).contains("curl ").containsPattern(EXPECT));
        Map<String, String> env = Map.of("CONSOLE", "http://127.0.0.1:" + port,
                "ADMIN_TOKEN", ApiCalls.tokenFor(tokens, "admin", Role.ADMIN),
                "TOKEN", ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER));
        for (String example : examples) {
            Matcher expect = EXPECT.matcher(example);
            assertThat(expect.find()).isTrue();
            int status = Integer.parseInt(expect.group(1));
            ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", example).directory(work.toFile())
                    .redirectErrorStream(true);
            pb.environment().putAll(env);
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status of\n%s\noutput:\n%s", example, output).isZero();
            if (status >= 400) {
                assertThat(output).as(example).contains("\"status\":" + status);
            }
            if (status == 422) {
                assertThat(output).contains("{\"field\":\"targets[0].interval\",\"line\":5,")
                        .contains("{\"field\":\"targets[0].kind\",\"line\":4,");
            }
        }
        assertThat(Files.readString(work.resolve("all-targets.yaml"))).startsWith("---\ntargets:");
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
