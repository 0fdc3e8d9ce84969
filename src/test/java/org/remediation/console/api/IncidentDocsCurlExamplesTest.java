package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.CurlDocs;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * docs/api/incidents.md as written: every ```bash block runs, in order, in one directory, with the real curl
 * against a console on loopback (by CurlDocs, as every document's examples), and every field its sample
 * answers show is one the API really returns, at the same place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentDocsCurlExamplesTest {

    private static final Path DOC = Path.of("docs/api/incidents.md");
    private static final Pattern JSON = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;

    @Test
    void everyExampleRunsAsWrittenAndTheSampleAnswersNameRealFields() throws Exception {
        CurlDocs docs = CurlDocs.of(DOC, CurlDocs.environment(port, tokens, admin));
        List<String> blocks = docs.blocks();
        assertThat(blocks).as("one example per call, and the error").hasSizeGreaterThanOrEqualTo(7);
        List<String> outputs = docs.rest();
        assertThat(String.join("\n", blocks)).contains("/api/v1/incidents\"", "/api/v1/incidents/INC-1278\"",
                "/timeline\"", "Accept: text/markdown", "/runbook\"", "/api/v1/runbooks?incidentKey=");
        assertThat(docs.read("inc-1278.yaml")).startsWith("title: ");

        List<String> samples = samples(Files.readString(DOC, StandardCharsets.UTF_8));
        JsonNode incident = IncidentApiTest.JSON.readTree(outputs.get(1));
        sameShape(IncidentApiTest.JSON.readTree(samples.get(0)), incident, "");
        String problemOutput = outputs.getLast();
        assertThat(problemOutput).contains("\"status\":422", "\"field\":\"severity\"", "\"field\":\"phases[0].owner\"");
        sameShape(IncidentApiTest.JSON.readTree(samples.get(1)), IncidentApiTest.JSON.readTree(problemOutput), "");
    }

    /** Every field of the documented sample exists in the real answer at the same path ("…" marks elisions). */
    private static void sameShape(JsonNode sample, JsonNode real, String at) {
        if (sample.isObject()) {
            assertThat(real.isObject()).as(at).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = sample.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("…")) {
                    assertThat(real.has(field.getKey())).as("the answer has %s/%s", at, field.getKey()).isTrue();
                    sameShape(field.getValue(), real.get(field.getKey()), at + "/" + field.getKey());
                }
            }
        } else if (sample.isArray() && !sample.isEmpty() && real.isArray() && !real.isEmpty()) {
            sameShape(sample.get(0), real.get(0), at + "/0");
        }
    }

    private static List<String> samples(String doc) {
        Matcher m = JSON.matcher(doc);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
