package org.remediation.console.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.jspecify.annotations.Nullable;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;

/**
 * The one way the documentation's curl examples are run: every {@code ```bash} block of a Markdown
 * document (or of one of its sections), in order, as written, by the real {@code bash -euo pipefail} and
 * the real curl, all in one directory so a later block can read what an earlier one wrote (an id, a
 * file). A fence that names a file ({@code ```yaml targets.yaml}, {@code ```bash report.sh}) is a file
 * the document shows: it is written into that directory (executable when it starts with {@code #!}),
 * not run. A block with a line {@code # → 4xx} must print a problem document with that status (such
 * examples leave out curl -f so the reader sees it); every block must exit 0.
 */
public final class CurlDocs {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)(?: ([\\w.-]+))?\\n(.*?)^```");
    private static final Pattern EXPECT = Pattern.compile("(?m)^# → (\\d{3})");

    private static final List<Path> DIRS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static { // the directories outlive the tests that read their files; gone with the JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DIRS.forEach(CurlDocs::delete)));
    }

    private final String source;
    private final List<String> blocks = new ArrayList<>();
    private final Path dir;
    private final Map<String, String> env;
    private int ran;

    private CurlDocs(Path document, @Nullable String heading, Map<String, String> env) throws IOException {
        String text = Files.readString(document, StandardCharsets.UTF_8);
        this.source = document + (heading == null ? "" : " § " + heading);
        this.dir = Files.createTempDirectory("curl-docs");
        DIRS.add(dir);
        this.env = env;
        Matcher m = FENCE.matcher(heading == null ? text : section(text, heading));
        while (m.find()) {
            if (m.group(2) != null) {
                Path file = dir.resolve(m.group(2));
                Files.writeString(file, m.group(3));
                file.toFile().setExecutable(m.group(3).startsWith("#!"));
            } else if (m.group(1).equals("bash")) {
                blocks.add(m.group(3));
            }
        }
        assertThat(blocks).as("%s has ```bash examples", source).isNotEmpty();
    }

    /** The examples of a whole document, to run with {@code env}. */
    public static CurlDocs of(Path document, Map<String, String> env) throws IOException {
        return new CurlDocs(document, null, env);
    }

    /** The examples of the section under {@code heading} (a whole heading line, e.g. "## REST API"). */
    public static CurlDocs section(Path document, String heading, Map<String, String> env) throws IOException {
        return new CurlDocs(document, heading, env);
    }

    /**
     * The variables the documents use, named as the README names them: CONSOLE, TOKEN (a COMMANDER's),
     * OPERATOR_TOKEN, ADMIN_TOKEN, REPORTER_TOKEN (service account ci-smoke) and METRICS_TOKEN
     * (service account prometheus-scrape). Fresh tokens on every call.
     */
    public static Map<String, String> environment(int port, ApiTokenService tokens, UserAdminService admin) {
        return Map.of("CONSOLE", "http://127.0.0.1:" + port,
                "TOKEN", ApiCalls.tokenFor(tokens, "commander", Role.COMMANDER),
                "OPERATOR_TOKEN", ApiCalls.tokenFor(tokens, "operator", Role.OPERATOR),
                "ADMIN_TOKEN", ApiCalls.tokenFor(tokens, "admin", Role.ADMIN),
                "REPORTER_TOKEN", serviceToken(tokens, admin, "ci-smoke", Role.REPORTER),
                "METRICS_TOKEN", serviceToken(tokens, admin, "prometheus-scrape", Role.METRICS));
    }

    private static String serviceToken(ApiTokenService tokens, UserAdminService admin, String account, Role role) {
        As.user("admin", Role.ADMIN, () -> {
            if (admin.listUsers().stream().noneMatch(u -> u.username().equals(account))) {
                admin.createServiceAccount(account, account, Set.of(role));
            }
        });
        return As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "docs-" + System.nanoTime(),
                null, Set.of(role))).value();
    }

    public List<String> blocks() {
        return List.copyOf(blocks);
    }

    /** The directory the examples run in. */
    public Path dir() {
        return dir;
    }

    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the next block; its output (stdout and stderr). */
    public String next() throws IOException, InterruptedException {
        assertThat(ran).as("%s has a block %d", source, ran + 1).isLessThan(blocks.size());
        return run(blocks.get(ran++));
    }

    /** Runs every block not run yet; their outputs. */
    public List<String> rest() throws IOException, InterruptedException {
        List<String> outputs = new ArrayList<>();
        while (ran < blocks.size()) {
            outputs.add(next());
        }
        return outputs;
    }

    /** Every block ran (for tests that run them one by one between their own checks). */
    public void assertAllRan() {
        assertThat(ran).as("every example of %s ran", source).isEqualTo(blocks.size());
    }

    private String run(String block) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block).directory(dir.toFile())
                .redirectErrorStream(true); // curl -sS is silent on success; its error then tells why
        pb.environment().putAll(env);
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s: the example finished\n%s", source, block).isTrue();
        assertThat(process.exitValue()).as("%s: exit status of\n%s\noutput:\n%s", source, block, output).isZero();
        Matcher expect = EXPECT.matcher(block);
        if (expect.find() && expect.group(1).charAt(0) == '4') {
            assertThat(output).as("%s: the problem document of\n%s", source, block)
                    .contains("\"status\":" + expect.group(1));
        }
        return output;
    }

    private static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("heading %s", heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = text.indexOf("\n" + level, start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
