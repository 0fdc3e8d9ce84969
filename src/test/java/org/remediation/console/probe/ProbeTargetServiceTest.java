package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
class ProbeTargetServiceTest {

    @Autowired
    ProbeTargetService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LiveEvents live;

    static String key() {
        return "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TargetDraft draft(String key) {
        return new TargetDraft(key, "Service " + key, "HTTP", Map.of("url", "http://{self}/sandbox/frontend/health"),
                Duration.ofSeconds(10), Duration.ofSeconds(2), true, "frontend", null);
    }

    static Stream<Arguments> rolesTimesOperations() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Role role : Role.values()) {
            rows.add(Arguments.of(role, "create", (Consumer<ProbeTargetService>) s -> s.create(draft(key()))));
            rows.add(Arguments.of(role, "update", (Consumer<ProbeTargetService>) s -> {
                ProbeTarget t = As.user("admin", Role.ADMIN, () -> s.create(draft(key())));
                s.update(t.key(), draft(t.key()), t.version());
            }));
            rows.add(Arguments.of(role, "disable", (Consumer<ProbeTargetService>) s -> {
                ProbeTarget t = As.user("admin", Role.ADMIN, () -> s.create(draft(key())));
                s.setEnabled(t.key(), false);
            }));
            rows.add(Arguments.of(role, "delete", (Consumer<ProbeTargetService>) s -> {
                ProbeTarget t = As.user("admin", Role.ADMIN, () -> s.create(draft(key())));
                s.delete(t.key());
            }));
            rows.add(Arguments.of(role, "import", (Consumer<ProbeTargetService>) s -> s.importYaml(
                    "targets:\n  - key: " + key() + "\n    name: X\n    kind: TCP\n    group: db\n    interval: 10s\n"
                            + "    timeout: 1s\n    settings:\n      host: 127.0.0.1\n      port: 5432\n")));
            rows.add(Arguments.of(role, "export", (Consumer<ProbeTargetService>) ProbeTargetService::exportYaml));
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rolesTimesOperations")
    void onlyAdminsChangeTargets(Role role, String operation, Consumer<ProbeTargetService> call) {
        if (role == Role.ADMIN) {
            As.user("admin", role, () -> call.accept(service));
            return;
        }
        long before = jdbc.queryForObject("select count(*) from probe_target", Long.class);
        String caller = "denied-" + role.name().toLowerCase() + "-" + operation;
        assertThatThrownBy(() -> As.user(caller, role, () -> call.accept(service))).isInstanceOf(AccessDeniedException.class);
        // setup steps run as admin create one target each; the denied call itself writes nothing more. Audit
        // events are counted by the caller's name: the shared context's timers may audit meanwhile.
        long created = operation.equals("create") || operation.equals("import") || operation.equals("export") ? 0 : 1;
        assertThat(jdbc.queryForObject("select count(*) from probe_target", Long.class)).isEqualTo(before + created);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = ?", Long.class, caller)).isZero();
    }

    @Test
    void everySignedInRoleMayReadTargetsButNotTheScrapesServiceAccount() {
        for (Role role : Role.values()) {
            if (role == Role.METRICS) {
                assertThatThrownBy(() -> As.user("r", role, () -> service.list()))
                        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            } else {
                assertThat(As.user("r", role, () -> service.list())).isNotNull();
            }
        }
    }

    @Test
    void changesAreAuditedAndAnnounced() {
        List<ProbeTargetChanged> seen = new ArrayList<>();
        Runnable unsubscribe = live.subscribe(ProbeTargetChanged.class, seen::add);
        try {
            String key = key();
            ProbeTarget t = As.user("admin", Role.ADMIN, () -> service.create(draft(key)));
            As.user("admin", Role.ADMIN, () -> service.setEnabled(key, false));
            As.user("admin", Role.ADMIN, () -> service.delete(key));
            assertThat(seen).extracting(ProbeTargetChanged::key).containsExactly(key, key, key);
            assertThat(seen.get(1).target().enabled()).isFalse();
            assertThat(seen.get(2).deleted()).isTrue();
            assertThat(jdbc.queryForList("select action from audit_event where subject = ? order by seq", String.class, "probe:" + key))
                    .containsExactly("probe.target.created", "probe.target.disabled", "probe.target.deleted");
            assertThat(t.version()).isNotNegative();
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void staleEditIsRejected() {
        String key = key();
        ProbeTarget t = As.user("admin", Role.ADMIN, () -> service.create(draft(key)));
        As.user("admin", Role.ADMIN, () -> service.update(key, draft(key), t.version()));
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.update(key, draft(key), t.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("version")).isTrue());
    }

    @Test
    void yamlRoundTripsAndImportUpdatesExistingTargets() {
        String key = key();
        As.user("admin", Role.ADMIN, () -> service.create(draft(key)));
        String yaml = As.user("admin", Role.ADMIN, () -> service.exportYaml());
        assertThat(yaml).contains("key: \"" + key + "\"").contains("interval: \"10s\"");
        ProbeTargetService.ImportReport report = As.user("admin", Role.ADMIN, () -> service.importYaml(yaml));
        assertThat(report.created()).isZero();
        assertThat(report.updated()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void importIsAllOrNothingAndNamesPathAndLine() {
        String good = key();
        String yaml = """
                targets:
                  - key: %s
                    name: Good one
                    kind: HTTP
                    group: frontend
                    interval: 10s
                    timeout: 2s
                    settings:
                      url: http://127.0.0.1/health
                  - key: %s
                    name: Bad one
                    kind: TCP
                    group: db
                    interval: 10s
                    timeout: 20s
                    settings:
                      host: 127.0.0.1
                      port: 70000
                """.formatted(good, key());
        long before = jdbc.queryForObject("select count(*) from probe_target", Long.class);
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.importYaml(yaml)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("targets[1].settings.port")).as(e.getMessage()).isTrue();
                    assertThat(e.names("targets[1].timeout")).isTrue();
                    assertThat(e.getMessage()).contains("timeout: The timeout (20s) must be shorter than the interval (10s), or runs would overlap. (line 15)").contains("(line 18)");
                });
        assertThat(jdbc.queryForObject("select count(*) from probe_target", Long.class)).isEqualTo(before);
    }

    @Test
    void yamlSyntaxErrorsGiveTheLine() {
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.importYaml("targets:\n  - key: [unclosed\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("line"));
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.importYaml("probes: []\n")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("targets")).isTrue());
    }

    @Test
    void unreadableDurationIsNamedWithItsLine() {
        String yaml = "targets:\n  - key: " + key() + "\n    name: X\n    kind: TCP\n    group: db\n"
                + "    interval: ten seconds\n    timeout: 1s\n    settings:\n      host: 127.0.0.1\n      port: 1\n";
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.importYaml(yaml)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("targets[0].interval")).isTrue();
                    assertThat(e.getMessage()).contains("line 6");
                });
    }

    @Test
    void demoTargetsOfTheContractExist() {
        List<String> keys = As.user("viewer", Role.VIEWER, () -> service.list()).stream().map(ProbeTarget::key).toList();
        assertThat(keys).contains("frontend", "auth", "backend-health", "websocket", "agent-response", "database", "redis");
        // issue 18: the seeds' metrics, as GCP_METRIC targets the sandbox answers (created, so their settings validate)
        assertThat(keys).contains("connector-cpu", "connector-instances", "connector-throughput", "sql-backends", "sql-cpu",
                "lb-5xx", "run-instances", "capacity-warnings");
    }
}
