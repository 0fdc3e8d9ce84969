package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs every curl example of docs/api/probe-targets-and-audit.md as written (method, path, headers,
 * the body of the file it sends) with an ADMIN token, in document order, and expects the status the
 * example's {@code # → NNN} line promises; then checks the OpenAPI description lists the endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProbeTargetsAndAuditDocsTest {

    static final Path DOC = Path.of("docs/api/probe-targets-and-audit.md");
    static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w+)(?: ([\\w.]+))?\\n(.*?)^```");

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired ProbeTargetService targets;

    /** One curl example: its expected status and the request it sends. */
    record Example(int expected, String method, String path, Map<String, String> headers, @Nullable String bodyFile) {
    }

    @Test
    void everyCurlExampleRunsAsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        Map<String, String> files = new HashMap<>();
        List<Example> examples = new ArrayList<>();
        Matcher m = FENCE.matcher(doc);
        while (m.find()) {
            if (m.group(2) != null) {
                files.put(m.group(2), m.group(3));
            } else if (m.group(1).equals("bash") && m.group(3).contains("curl ")) {
                examples.add(parse(m.group(3)));
            }
        }
        assertThat(examples).hasSize(7);
        assertThat(examples).extracting(Example::method).containsExactly("GET", "PUT", "PUT", "PUT", "GET", "GET", "GET");
        String token = ApiCalls.tokenFor(tokens, "admin", Role.ADMIN);
        ApiCalls api = new ApiCalls(port);
        for (Example e : examples) {
            List<String> headers = new ArrayList<>();
            e.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    headers.add(name);
                    headers.add(value.replace("$TOKEN", token));
                }
            });
            String body = e.bodyFile() == null ? null : files.get(e.bodyFile());
            assertThat(e.bodyFile() == null || body != null).as("file %s is shown in the doc", e.bodyFile()).isTrue();
            HttpResponse<String> r = api.send(e.method(), e.path(), null, e.headers().get("Content-Type"), body,
                    headers.toArray(String[]::new));
            assertThat(r.statusCode()).as(e + " → " + r.body()).isEqualTo(e.expected());
            if (e.expected() == 422) {
                assertThat(r.body()).contains("{\"field\":\"targets[0].interval\",\"line\":5,")
                        .contains("{\"field\":\"targets[0].kind\",\"line\":4,");
            }
        }
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

    /** The curl subset the doc uses: -sS, -X, -H, --data-binary @file, -o file and one quoted URL. */
    static Example parse(String block) {
        int expected = 0;
        StringBuilder command = new StringBuilder();
        for (String line : block.lines().toList()) {
            Matcher status = Pattern.compile("^# → (\\d{3})").matcher(line);
            if (status.find()) {
                expected = Integer.parseInt(status.group(1));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            }
        }
        List<String> words = words(command.toString());
        assertThat(words.getFirst()).isEqualTo("curl");
        String method = "GET";
        String url = null;
        String file = null;
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            switch (w) {
                case "-sS" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String h = words.get(++i);
                    headers.put(h.substring(0, h.indexOf(':')).strip(), h.substring(h.indexOf(':') + 1).strip());
                }
                case "--data-binary" -> file = words.get(++i).substring(1);
                case "-o" -> i++;
                default -> {
                    assertThat(w).as("unknown curl word").startsWith("$CONSOLE/");
                    url = w.substring("$CONSOLE".length());
                }
            }
        }
        assertThat(expected).as("'# → status' line in " + block).isPositive();
        assertThat(url).isNotNull();
        return new Example(expected, method, url, headers, file);
    }

    /** Splits like a shell: whitespace separates, double quotes group. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }
}
