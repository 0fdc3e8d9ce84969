package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad target settings are rejected with the field named, and nothing (no row, no audit) is written. */
@SpringBootTest
class TargetValidationTest {

    @Autowired
    ProbeTargetService service;
    @Autowired
    JdbcTemplate jdbc;

    record Bad(String kind, Map<String, String> settings, UnaryOperator<TargetDraft> change) {
    }

    static TargetDraft draft(String kind, Map<String, String> settings) {
        return new TargetDraft("t-" + UUID.randomUUID().toString().substring(0, 8), "Target", kind, settings,
                Duration.ofSeconds(10), Duration.ofSeconds(2), true, "backend", null);
    }

    static final Map<String, String> HTTP = Map.of("url", "http://127.0.0.1:8080/health");
    static final Map<String, String> TCP = Map.of("host", "127.0.0.1", "port", "5432");
    static final Map<String, String> PG = Map.of("host", "127.0.0.1", "database", "postgres", "user", "secret:probe-test-password");

    static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove(kv[i]);
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    static Arguments bad(String field, String kind, Map<String, String> settings) {
        return Arguments.of(field, draft(kind, settings));
    }

    static Arguments bad(String field, UnaryOperator<TargetDraft> change) {
        return Arguments.of(field, change.apply(draft("HTTP", HTTP)));
    }

    static TargetDraft d(TargetDraft o, String key, String name, String kind, Duration interval, Duration timeout,
                         String group, Integer golden) {
        return new TargetDraft(key, name, kind, o.settings(), interval, timeout, o.enabled(), group, golden);
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                bad("settings.url", "HTTP", with(HTTP, "url", "not a url")),
                bad("settings.url", "HTTP", with(HTTP, "url", "ftp://example.org/file")),
                bad("settings.url", "HTTP", with(HTTP, "url", "http://")),
                bad("settings.url", "HTTP", with(HTTP, "url", null)),
                bad("settings.url", "HTTP", with(HTTP, "url", "http://127.0.0.1:70000/")),
                bad("settings.url", "HTTP", with(HTTP, "url", "ws://127.0.0.1/")),
                bad("settings.method", "HTTP", with(HTTP, "method", "FETCH")),
                bad("settings.expectedStatus", "HTTP", with(HTTP, "expectedStatus", "2xx")),
                bad("settings.expectedStatus", "HTTP", with(HTTP, "expectedStatus", "700")),
                bad("settings.expectedStatus", "HTTP", with(HTTP, "expectedStatus", "299-200")),
                bad("settings.bodyRegex", "HTTP", with(HTTP, "bodyRegex", "([unclosed")),
                bad("settings.headers", "HTTP", with(HTTP, "headers", "no colon here")),
                bad("settings.degradedAboveMs", "HTTP", with(HTTP, "degradedAboveMs", "-5")),
                bad("settings.degradedAboveMs", "HTTP", with(HTTP, "degradedAboveMs", "fast")),
                bad("settings.insecure", "HTTP", with(HTTP, "insecure", "maybe")),
                bad("settings.colour", "HTTP", with(HTTP, "colour", "blue")),
                bad("settings.port", "TCP", with(TCP, "port", "0")),
                bad("settings.port", "TCP", with(TCP, "port", "70000")),
                bad("settings.port", "TCP", with(TCP, "port", "http")),
                bad("settings.port", "TCP", with(TCP, "port", null)),
                bad("settings.host", "TCP", with(TCP, "host", "")),
                bad("settings.host", "TCP", with(TCP, "host", "bad host!")),
                bad("settings.password", "REDIS", Map.of("host", "127.0.0.1", "password", "hunter2")),
                bad("settings.password", "REDIS", Map.of("host", "127.0.0.1", "password", "secret:missing-one")),
                bad("settings.password", "REDIS", Map.of("host", "127.0.0.1", "password", "env:PROBE_NO_SUCH_VARIABLE")),
                bad("settings.url", "HTTP", with(HTTP, "url", "http://169.254.169.254/computeMetadata/v1/")),
                bad("settings.url", "HTTP", with(HTTP, "url", "http://metadata.google.internal/")),
                bad("settings.headers", "HTTP", with(HTTP, "headers", "Metadata-Flavor: Google")),
                bad("settings.host", "TCP", with(TCP, "host", "0.0.0.0")),
                bad("settings.query", "POSTGRES", with(PG, "query", "SELECT 1; DROP TABLE audit_event")),
                bad("settings.database", "POSTGRES", with(PG, "database", "postgres?sslmode=disable")),
                bad("settings.tls", "REDIS", Map.of("host", "127.0.0.1", "tls", "yes")),
                bad("settings.user", "POSTGRES", with(PG, "user", null)),
                bad("settings.user", "POSTGRES", with(PG, "user", "postgres")),
                bad("settings.database", "POSTGRES", with(PG, "database", null)),
                bad("settings.sslmode", "POSTGRES", with(PG, "sslmode", "always")),
                bad("settings.name", "DNS", Map.of()),
                bad("settings.name", "DNS", Map.of("name", "bad name!")),
                bad("settings.type", "DNS", Map.of("name", "localhost", "type", "MX")),
                bad("settings.warnDays", "TLS", Map.of("host", "127.0.0.1", "warnDays", "-1")),
                bad("settings.url", "WEBSOCKET", Map.of("url", "http://127.0.0.1/ws")),
                bad("settings.expectContains", "WEBSOCKET", Map.of("url", "ws://127.0.0.1/ws", "expectContains", "pong")),
                bad("kind", "SMOKE_SIGNAL", HTTP),
                bad("kind", "", HTTP),
                bad("key", o -> d(o, "", o.name(), o.kind(), o.interval(), o.timeout(), o.group(), null)),
                bad("key", o -> d(o, "Bad Key!", o.name(), o.kind(), o.interval(), o.timeout(), o.group(), null)),
                bad("name", o -> d(o, o.key(), " ", o.kind(), o.interval(), o.timeout(), o.group(), null)),
                bad("interval", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(-10), Duration.ofSeconds(1), o.group(), null)),
                bad("interval", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofMillis(500), Duration.ofMillis(100), o.group(), null)),
                bad("interval", o -> d(o, o.key(), o.name(), o.kind(), null, o.timeout(), o.group(), null)),
                bad("interval", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofDays(2), o.timeout(), o.group(), null)),
                bad("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), Duration.ofSeconds(30), o.group(), null)),
                bad("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), Duration.ofSeconds(10), o.group(), null)),
                bad("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), Duration.ZERO, o.group(), null)),
                bad("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), null, o.group(), null)),
                bad("group", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), "", null)),
                bad("group", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), "Back End", null)),
                bad("goldenPath", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), o.group(), 0)),
                bad("goldenPath", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), o.group(), 6)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badDrafts")
    void badDraftIsRejectedNamingTheFieldAndNothingIsWritten(String field, TargetDraft draft) {
        long targets = count("probe_target");
        long audits = count("audit_event");
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.create(draft)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names(field)).as(e.getMessage()).isTrue();
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
                });
        assertThat(count("probe_target")).isEqualTo(targets);
        assertThat(count("audit_event")).isEqualTo(audits);
    }

    @Test
    void duplicateKeyIsRejectedAndNothingIsWritten() {
        TargetDraft first = draft("HTTP", HTTP);
        As.user("admin", Role.ADMIN, () -> service.create(first));
        long audits = count("audit_event");
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.create(first)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("key")).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from probe_target where target_key = ?", Long.class, first.key())).isOne();
        assertThat(count("audit_event")).isEqualTo(audits);
    }

    @Test
    void credentialReferenceThatResolvesIsAcceptedAndOnlyTheReferenceIsStored() {
        TargetDraft ok = draft("REDIS", Map.of("host", "127.0.0.1", "password", "secret:probe-test-password"));
        ProbeTarget t = As.user("admin", Role.ADMIN, () -> service.create(ok));
        assertThat(t.settings()).containsEntry("password", "secret:probe-test-password");
        assertThat(jdbc.queryForObject("select settings_json from probe_target where target_key = ?", String.class, t.key()))
                .doesNotContain("not-shown-anywhere");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where details like '%not-shown-anywhere%'", Long.class))
                .isZero();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
