package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
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

    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;
    @TempDir Path work;

    static List<String> examples() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## REST API");
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyCurlExampleOfTheReadmeRunsAsWritten() throws Exception {
        List<String> blocks = examples();
        assertThat(blocks).as("the README's REST API section has curl examples").hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> env = environment();
        return blocks.stream().map(block -> DynamicTest.dynamicTest(firstLine(block), () -> run(block, env)));
    }

    private Map<String, String> environment() {
        return Map.of("CONSOLE", "http://127.0.0.1:" + port,
                "TOKEN", ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER),
                "OPERATOR_TOKEN", ApiCalls.tokenFor(tokens, "operator", Role.OPERATOR),
                "ADMIN_TOKEN", ApiCalls.tokenFor(tokens, "admin", Role.ADMIN),
                "REPORTER_TOKEN", serviceToken("ci-smoke", Role.REPORTER),
                "METRICS_TOKEN", serviceToken("prometheus-scrape", Role.METRICS));
    }

    private String serviceToken(String account, Role role) {
        As.user("admin", Role.ADMIN, () -> {
            if (admin.listUsers().stream().noneMatch(u -> u.username().equals(account))) {
                admin.createServiceAccount(account, account, Set.of(role));
            }
        });
        return As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "readme-" + System.nanoTime(),
                null, Set.of(role))).value();
    }

    private void run(String block, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block).directory(work.toFile())
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the example finished").isTrue();
        assertThat(process.exitValue()).as("exit status of\n%s\noutput:\n%s", block, output).isZero();
    }

    private static String firstLine(String block) {
        return block.lines().filter(l -> !l.isBlank()).findFirst().orElse("(empty)");
    }
}
