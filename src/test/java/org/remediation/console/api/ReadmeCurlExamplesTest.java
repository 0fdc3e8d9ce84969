package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.CurlDocs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's curl examples, run as written by the real curl against a console on loopback: every
 * ```bash block of the section "REST API", in order, with the variables the section says to set.
 * A block fails on any non-2xx answer (the examples use curl -f).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadmeCurlExamplesTest {

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;

    @TestFactory
    Stream<DynamicTest> everyCurlExampleOfTheReadmeRunsAsWritten() throws Exception {
        CurlDocs docs = CurlDocs.section(Path.of("README.md"), "## REST API", CurlDocs.environment(port, tokens, admin));
        assertThat(docs.blocks()).as("the README's REST API section has curl examples").hasSizeGreaterThanOrEqualTo(3);
        return docs.blocks().stream().map(block -> DynamicTest.dynamicTest(firstLine(block), () -> docs.next()));
    }

    private static String firstLine(String block) {
        return block.lines().filter(l -> !l.isBlank()).findFirst().orElse("(empty)");
    }
}
