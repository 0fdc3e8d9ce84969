package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;

/**
 * Hostile (issue 16): a target that names a credential reference tries to make the console send
 * one of its own secrets (an environment variable such as its database password) to a host the
 * attacker controls. Every run here talks to a capturing server on loopback and checks what it got.
 */
@Tag("hostile")
@SpringBootTest
class HostileCredentialTest {

    /** An environment variable every machine has, standing in for DATABASE_PASSWORD. */
    private static final String VICTIM = "PATH";

    @Autowired
    ProbeTargetService service;
    @Autowired
    CredentialRefs credentials;

    private Capture capture;

    @AfterEach
    void close() throws IOException {
        if (capture != null) {
            capture.server.close();
        }
    }

    @Test
    void anEnvReferenceIsRefusedWhenATargetIsSaved() {
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.create(draft("REDIS",
                Map.of("host", "127.0.0.1", "password", "env:" + VICTIM)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("settings.password")).isTrue();
                    assertThat(e.getMessage()).contains("env: references are no longer read").contains("secret:NAME");
                });
    }

    @Test
    void anEnvReferenceStoredBeforeTheUpgradeNeverReachesTheTarget() throws Exception {
        capture = Capture.start();
        ProbeResult r = new RedisProbe().run(request(Map.of("host", "127.0.0.1", "port", capture.port(),
                "password", "env:" + VICTIM)));
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.errorClass()).isEqualTo("missing-credential");
        assertThat(capture.received()).doesNotContain(System.getenv(VICTIM));
        assertThat(credentials.resolvable("env:" + VICTIM)).isFalse();
    }

    @Test
    void anAuthorizationHeaderMustBeAReferenceAndAnEnvHeaderIsRefused() {
        for (String header : new String[] {"Authorization: Bearer abc123", "Authorization: env:" + VICTIM, "Cookie: session=1"}) {
            assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.create(draft("HTTP",
                    Map.of("url", "http://127.0.0.1:9/", "headers", header)))))
                    .as(header).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("settings.headers")).isTrue());
        }
    }

    @Test
    void anEnvHeaderStoredBeforeTheUpgradeIsNeverSent() throws Exception {
        capture = Capture.start();
        ProbeResult r = new HttpProbe().run(request(Map.of("url", "http://127.0.0.1:" + capture.port() + "/",
                "headers", "Authorization: env:" + VICTIM)));
        assertThat(r.errorClass()).isEqualTo("refused-setting");
        assertThat(capture.connectionsBesidesASentinel()).isZero();
    }

    @Test
    void aSecretHeaderIsSentFromTheSecretsDirectoryAndNeverStored(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("api-token"), "Bearer from-the-mounted-secret\n");
        MockEnvironment env = new MockEnvironment().withProperty("console.secret-files", dir.toString());
        CredentialRefs fromDir = new CredentialRefs(env);
        capture = Capture.start();
        ProbeResult r = new HttpProbe().run(new ProbeRequest("t", Map.of("url", "http://127.0.0.1:" + capture.port() + "/",
                "headers", "Authorization: secret:api-token"), Duration.ofSeconds(2), fromDir::resolve, Clock.systemUTC()));
        assertThat(capture.received()).contains("Authorization: Bearer from-the-mounted-secret\r\n");
        assertThat(r.toString()).doesNotContain("from-the-mounted-secret");
    }

    @Test
    void aSecretNameCannotLeaveTheSecretsDirectory(@TempDir Path dir) throws Exception {
        Path inside = Files.createDirectory(dir.resolve("secrets"));
        Files.writeString(dir.resolve("outside"), "not a secret of the console");
        CredentialRefs fromDir = new CredentialRefs(new MockEnvironment().withProperty("console.secret-files", inside.toString()));
        for (String ref : new String[] {"secret:../outside", "secret:..", "secret:/etc/passwd", "secret:.hidden"}) {
            assertThat(CredentialRefs.isReference(ref)).as(ref).isFalse();
            assertThat(fromDir.resolvable(ref)).as(ref).isFalse();
        }
    }

    @Test
    void userInfoAndQueryStringsAreRedactedFromErrors() throws Exception {
        ProbeResult r = new HttpProbe().run(request(Map.of("url",
                "http://ops:s3cret-pw@127.0.0.1:" + Loopback.closedPort() + "/health?token=abc123")));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.error()).doesNotContain("s3cret-pw").doesNotContain("abc123");
        assertThat(Failures.redact("see wss://u:p@host:8443/ws?key=k#frag and https://h/x?a=b"))
                .isEqualTo("see wss://host:8443/ws?…#frag and https://h/x?…");
    }

    @Test
    void aSecretIsTakenAsWrittenAndNeverEchoedInAnError() {
        CredentialRefs refs = new CredentialRefs(new MockEnvironment().withProperty("console.secrets.odd", "pa${ss}word"));
        assertThat(refs.resolve("secret:odd")).isEqualTo("pa${ss}word");
    }

    @Autowired
    TargetsBreakingRules breaking;

    @Test
    void targetsStoredBeforeTheRulesAreNamedAtStartWithWhatToChange() {
        List<ProbeTarget> stored = List.of(
                target("redis-old", ProbeKind.REDIS, Map.of("host", "127.0.0.1", "password", "secret:REDIS_PASSWORD")),
                target("api-old", ProbeKind.HTTP, Map.of("url", "http://127.0.0.1:9/", "headers", "Authorization: Bearer abc",
                        "bodyRegex", "(a)\\1")),
                target("fine", ProbeKind.TCP, Map.of("host", "127.0.0.1", "port", "9")));
        List<String> found = breaking.check(stored);
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("redis-old").contains("CONSOLE_SECRETS_REDIS_PASSWORD");
        assertThat(found.get(1)).startsWith("api-old").contains("settings.headers").contains("settings.bodyRegex")
                .doesNotContain("abc");
    }

    private static ProbeTarget target(String key, ProbeKind kind, Map<String, String> settings) {
        return new ProbeTarget(key, key, kind, settings, Duration.ofSeconds(10), Duration.ofSeconds(2), true, "backend", null, 0);
    }

    @Test
    void aMissingSecretSaysWhichVariableToSet() {
        assertThatThrownBy(() -> credentials.resolve("secret:redis.main-password"))
                .hasMessageContaining("CONSOLE_SECRETS_REDIS_MAIN_PASSWORD").hasMessageContaining("console.secret-files");
    }

    private static ProbeRequest request(Map<String, String> settings) {
        return new ProbeRequest("hostile", settings, Duration.ofSeconds(2),
                new CredentialRefs(new MockEnvironment())::resolve, Clock.systemUTC());
    }

    private static TargetDraft draft(String kind, Map<String, String> settings) {
        return new TargetDraft("h-" + UUID.randomUUID().toString().substring(0, 8), "Hostile", kind, settings,
                Duration.ofSeconds(10), Duration.ofSeconds(2), true, "backend", null);
    }

    /** A loopback server that records every byte it is sent and answers an HTTP 200. */
    record Capture(ServerSocket server, ByteArrayOutputStream bytes, int[] accepted) {

        static Capture start() throws IOException {
            Capture c = new Capture(new ServerSocket(0, 50, Loopback.LOCAL), new ByteArrayOutputStream(), new int[1]);
            Thread.ofVirtual().start(() -> {
                while (!c.server.isClosed()) {
                    try (Socket s = c.server.accept()) {
                        synchronized (c) {
                            c.accepted[0]++;
                        }
                        s.setSoTimeout(500);
                        InputStream in = s.getInputStream();
                        byte[] buf = new byte[4096];
                        try {
                            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                                synchronized (c) {
                                    c.bytes.write(buf, 0, n);
                                }
                                if (new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                                    break;
                                }
                            }
                        } catch (IOException timeout) {
                            // the client stopped sending
                        }
                        OutputStream out = s.getOutputStream();
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
            return c;
        }

        String port() {
            return String.valueOf(server.getLocalPort());
        }

        synchronized String received() {
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }

        /**
         * Connections accepted before a sentinel connection of the test itself, counted once the server
         * has taken the sentinel: the server accepts in order, so no earlier connection can still be in flight.
         */
        int connectionsBesidesASentinel() throws Exception {
            try (Socket sentinel = new Socket(Loopback.LOCAL, server.getLocalPort())) {
                sentinel.getOutputStream().write("GET /sentinel HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                sentinel.getInputStream().read(); // answered: the sentinel was accepted and served
            }
            synchronized (this) {
                return accepted[0] - 1;
            }
        }
    }
}
