package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.identity.SystemActor;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.criteria.CriterionState;
import org.remediation.console.criteria.CriterionStatus;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Pushed results of EXTERNAL targets through the real service, pipeline, writer and database, under a
 * hand-moved clock: what a push stores, what silence records, what a restart keeps, and what is refused
 * (with nothing written).
 */
@SpringBootTest
@Import(ExternalTestConfig.class)
class ExternalResultServiceTest {

    static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    @Autowired ExternalResultService pushes;
    @Autowired ProbeTargetService targets;
    @Autowired ProbeStatistics statistics;
    @Autowired ResultPipeline pipeline;
    @Autowired ResultWriter writer;
    @Autowired Staleness staleness;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProbeProperties properties;
    @Autowired CriteriaService criteria;

    final String key = "ext-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        clock.set(T0);
    }

    /** An EXTERNAL target reported by ci-smoke unless the settings name another reporter (or leave it out on purpose). */
    ProbeTarget create(String key, Map<String, String> settings) {
        Map<String, String> withReporter = new java.util.HashMap<>(settings);
        withReporter.putIfAbsent("reporter", "ci-smoke");
        withReporter.remove("reporter", "");
        return As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Nightly smoke " + key, "EXTERNAL",
                withReporter, Duration.ofMinutes(1), Duration.ofSeconds(1), true, "ci", null)));
    }

    ProbeResult push(String who, String key, ExternalResult r) {
        return As.user(who, Role.REPORTER, () -> pushes.push(key, r));
    }

    /** What the trigger does at each interval of the target. */
    void tick(ProbeTarget t) {
        staleness.markIfStale(t, clock.instant(), pipeline::accept);
    }

    long stored(String key) {
        writer.flush();
        return jdbc.queryForObject("select count(*) from probe_result where target_key = ?", Long.class, key);
    }

    @Test
    void aPushIsStoredAsAResultWithItsFiguresAndJudgedLikeARun() {
        create(key, Map.of("staleAfter", "10m"));
        clock.advance(Duration.ofSeconds(30));
        ProbeResult r = push("ci-smoke", key, new ExternalResult(true, 1234.5, 97.5, "%", "all 12 checks passed", null));
        assertThat(r.outcome()).isEqualTo(Outcome.UP);
        assertThat(r.startedAt()).as("no checkedAt: the receive time").isEqualTo(clock.instant());
        assertThat(r.durationMs()).isEqualTo(1234.5);
        assertThat(r.metricValue()).isEqualTo(97.5);
        assertThat(r.measurements()).containsEntry("unit", "%").containsEntry("reporter", "ci-smoke")
                .containsEntry("message", "all 12 checks passed");
        assertThat(stored(key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select metric_value from probe_result where target_key = ?", Double.class, key))
                .isEqualTo(97.5);
        clock.advance(Duration.ofMinutes(1));
        push("ci-smoke", key, ExternalResult.of(true));
        assertThat(statistics.state(key)).isEqualTo(HealthState.UP);
        assertThat(statistics.window(key, Duration.ofMinutes(5)).orElseThrow().samples()).isEqualTo(2);
    }

    @Test
    void onlyFailuresMakeTheTargetDownAndTheStateChangeIsAudited() {
        create(key, Map.of("staleAfter", "10m"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(1));
            ProbeResult r = push("ci-smoke", key, new ExternalResult(false, 800.0, null, null, "login page returned 502", null));
            assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(r.errorClass()).isEqualTo("reported-failure");
            assertThat(r.error()).isEqualTo("login page returned 502");
        }
        assertThat(statistics.state(key)).isEqualTo(HealthState.DOWN);
        WindowStats w = statistics.window(key, Duration.ofMinutes(10)).orElseThrow();
        assertThat(w.samples()).isEqualTo(4);
        assertThat(w.failures()).isEqualTo(4);
        assertThat(jdbc.queryForList("select actor || ' ' || action from audit_event where subject = ? order by seq",
                String.class, "probe:" + key)).as("each state change, not each push").containsExactly(
                        "admin probe.target.created", "ci-smoke probe.external.state", "ci-smoke probe.external.state");
        assertThat(jdbc.queryForList("select details from audit_event where subject = ? order by seq desc", String.class,
                "probe:" + key).getFirst()).contains("\"to\":\"DOWN\"");
    }

    @Test
    void silenceLongerThanStaleAfterIsRecordedAsFailuresAtEachIntervalAndTurnsTheTargetDown() {
        ProbeTarget t = create(key, Map.of("staleAfter", "5m"));
        push("ci-smoke", key, ExternalResult.of(true));
        push("ci-smoke", key, ExternalResult.of(true));
        assertThat(statistics.state(key)).isEqualTo(HealthState.UP);
        for (int minute = 1; minute <= 5; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            tick(t);
        }
        assertThat(statistics.window(key, Duration.ofMinutes(10)).orElseThrow().failures()).as("within staleAfter").isZero();
        List<ProbeResult> marks = IntStream.rangeClosed(6, 8).mapToObj(minute -> {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            return staleness.markIfStale(t, clock.instant(), pipeline::accept);
        }).toList();
        assertThat(marks).allSatisfy(m -> {
            assertThat(m.outcome()).isEqualTo(Outcome.DOWN);
            assertThat(m.errorClass()).isEqualTo("stale");
            assertThat(m.error()).startsWith("No result pushed within 5m");
        });
        assertThat(statistics.state(key)).as("three silent intervals").isEqualTo(HealthState.DOWN);
        assertThat(statistics.window(key, Duration.ofMinutes(10)).orElseThrow().failures()).isEqualTo(3);
        assertThat(stored(key)).isEqualTo(5);
        // a fresh push counts again, and ends the silence
        push("ci-smoke", key, ExternalResult.of(true));
        clock.advance(Duration.ofMinutes(1));
        tick(t);
        assertThat(statistics.window(key, Duration.ofMinutes(10)).orElseThrow().failures()).isEqualTo(3);
    }

    @Test
    void criteriaOnAnExternalTargetTurnNotMetWhenThePushesStop() {
        ProbeTarget t = create(key, Map.of("staleAfter", "5m"));
        String incident = "inc-ext-" + key;
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, null, List.of(
                new CriterionDefinition("rate", "Smoke test passes", key + " success-rate >= 90 % over 10m"),
                new CriterionDefinition("up", "Smoke test up", key + " up"))));
        for (int minute = 1; minute <= 5; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            push("ci-smoke", key, ExternalResult.of(true));
            tick(t);
        }
        assertThat(criteriaStates(incident)).as("while the pushes come").containsOnly(CriterionState.MET);
        // the cron job dies: nothing is pushed from minute 5 on
        for (int minute = 6; minute <= 14; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            tick(t);
        }
        assertThat(criteriaStates(incident)).as("after 9 silent minutes (staleAfter 5m)").containsOnly(CriterionState.NOT_MET);
    }

    @Test
    void aStreamOfOnlyReportedFailuresFastAndSlowLeavesEveryCriterionNotMet() {
        ProbeTarget t = create(key, Map.of("staleAfter", "5m"));
        String incident = "inc-ext-fail-" + key;
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, null, List.of(
                new CriterionDefinition("rate", "Smoke test passes", key + " success-rate >= 90 % over 10m"),
                new CriterionDefinition("p95", "Smoke test fast", key + " p95 < 1000 ms over 10m"),
                new CriterionDefinition("up", "Smoke test up", key + " up"))));
        for (int minute = 1; minute <= 8; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            double ms = minute % 2 == 0 ? 5.0 : 3_600_000.0; // a failure at once, and one at the longest run allowed
            push("ci-smoke", key, new ExternalResult(false, ms, null, null, "checkout returned 500", null));
            tick(t);
        }
        assertThat(criteriaStates(incident)).as("every push a failure").hasSize(3).containsOnly(CriterionState.NOT_MET);
    }

    List<CriterionState> criteriaStates(String incident) {
        SystemActor.run(() -> criteria.reevaluateAll());
        return As.viewer(() -> criteria.kpis(incident)).stream().map(CriterionStatus::state).toList();
    }

    @Test
    void aRestartKeepsTheSilenceOfATargetThatWasPushedAndOfOneThatNeverWas() {
        ProbeTarget pushed = create(key, Map.of("staleAfter", "10m"));
        ProbeTarget never = create(key + "-never", Map.of("staleAfter", "10m"));
        clock.advance(Duration.ofMinutes(2));
        push("ci-smoke", key, ExternalResult.of(true));
        // the staleness rule restarted: an empty cache reads the table and the target's creation
        Staleness restarted = new Staleness(jdbc);
        clock.set(T0.plus(Duration.ofMinutes(11)));
        assertThat(restarted.markIfStale(pushed, clock.instant(), (x, y) -> null)).as("pushed 9 min ago").isNull();
        assertThat(restarted.markIfStale(never, clock.instant(), (x, y) -> null)).as("created 11 min ago, never pushed")
                .isNotNull();
        clock.set(T0.plus(Duration.ofMinutes(13)));
        ProbeResult mark = restarted.markIfStale(pushed, clock.instant(), (x, y) -> null);
        assertThat(mark).isNotNull();
        assertThat(mark.error()).contains("latest " + T0.plus(Duration.ofMinutes(2)));
        // the stored failures bring the DOWN state back through a restarted engine's statistics
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            tick(never);
        }
        writer.flush();
        ProbeStatistics engine = new ProbeStatistics(properties,
                clock, new StoredResults(jdbc));
        assertThat(engine.state(never.key())).isEqualTo(HealthState.DOWN);
    }

    @Test
    void afterARestartAPushStillCannotBeBackdatedBehindTheStoredResults() {
        ProbeTarget t = create(key, Map.of("staleAfter", "10m"));
        clock.advance(Duration.ofMinutes(1));
        push("ci-smoke", key, ExternalResult.of(false));
        clock.set(T0.plus(Duration.ofMinutes(12)));
        tick(t); // silent since minute 1: a stale mark at minute 12
        writer.flush();
        // memory is gone after a restart; the floor comes from the stored mark, not from the push table alone
        assertThat(new Staleness(jdbc).orderFloor(key)).isEqualTo(T0.plus(Duration.ofMinutes(12)));
        clock.set(T0.plus(Duration.ofMinutes(13)));
        Instant backdated = T0.plus(Duration.ofMinutes(5));
        assertThatThrownBy(() -> push("ci-smoke", key, new ExternalResult(true, null, null, null, null, backdated)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("results are kept in order");
    }

    @Test
    void onlyTheNamedReporterMayPushAndAnotherAccountIsRefusedAndAudited() {
        create(key, Map.of("staleAfter", "10m", "reporter", "ci-smoke"));
        assertThatThrownBy(() -> push("cron-box", key, ExternalResult.of(true))).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("names the one service account that reports it");
        assertNothingWritten(key);
        assertThat(jdbc.queryForList("select actor || ' ' || action from audit_event where subject = ? order by seq",
                String.class, "probe:" + key)).containsExactly("admin probe.target.created", "cron-box probe.external.refused");
        assertThat(push("ci-smoke", key, ExternalResult.of(true)).outcome()).isEqualTo(Outcome.UP);
    }

    @Test
    void onlyTheReporterRoleMayPush() {
        create(key, Map.of("staleAfter", "10m"));
        for (Role role : Role.values()) {
            if (role == Role.REPORTER) {
                continue;
            }
            assertThatThrownBy(() -> As.user("someone", role, () -> pushes.push(key, ExternalResult.of(true))))
                    .as(role.name()).isInstanceOf(AccessDeniedException.class);
        }
        assertNothingWritten(key);
    }

    @Test
    void badBodiesAreRefusedWithEveryFieldAndNothingIsWritten() {
        create(key, Map.of("staleAfter", "10m"));
        assertThatThrownBy(() -> push("ci-smoke", key, new ExternalResult(null, -1.0, Double.NaN, "x".repeat(21),
                "y".repeat(501), T0.plus(Duration.ofMinutes(5)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field)
                        .containsExactlyInAnyOrder("checkedAt", "success", "durationMs", "value", "unit", "message"));
        assertThatThrownBy(() -> push("ci-smoke", key, new ExternalResult(true, 3_600_001.0, null, "ms", "two\nlines", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).containsExactlyInAnyOrder("durationMs", "unit", "message"));
        clock.advance(Duration.ofMinutes(20));
        assertThatThrownBy(() -> push("ci-smoke", key, new ExternalResult(true, null, null, null, null,
                T0.plus(Duration.ofMinutes(9)))))
                .as("older than staleAfter: no back-filled green").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("older than the target's staleAfter");
        assertNothingWritten(key);
        // not before the latest result either (here a stale mark at 20m)
        ProbeTarget t = As.viewer(() -> targets.find(key)).orElseThrow();
        tick(t);
        assertThatThrownBy(() -> push("ci-smoke", key, new ExternalResult(true, null, null, null, null,
                clock.instant().minusSeconds(30)))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("before the target's latest result");
        assertThat(stored(key)).as("only the stale mark").isEqualTo(1);
        assertThat(push("ci-smoke", key, new ExternalResult(true, null, null, null, null, clock.instant().plusSeconds(20)))
                .startedAt()).as("small clock skew is accepted").isEqualTo(clock.instant().plusSeconds(20));
    }

    @Test
    void onlyEnabledExternalTargetsAcceptPushes() {
        assertThatThrownBy(() -> push("ci-smoke", key, ExternalResult.of(true))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("No probe target with key '" + key + "'");
        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Frontend", "HTTP",
                Map.of("url", "http://{self}/sandbox/frontend/health"), Duration.ofSeconds(10), Duration.ofSeconds(2),
                true, "frontend", null)));
        assertThatThrownBy(() -> push("ci-smoke", key, ExternalResult.of(true))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a HTTP probe");
        String off = key + "-off";
        create(off, Map.of("staleAfter", "10m"));
        As.user("admin", Role.ADMIN, () -> targets.setEnabled(off, false));
        assertThatThrownBy(() -> push("ci-smoke", off, ExternalResult.of(true))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is disabled");
        assertNothingWritten(key);
        assertNothingWritten(off);
    }

    @Test
    void staleAfterAndTheReporterAreRequiredAndTheIntervalMayNotExceedStaleAfter() {
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(key, "Hourly", "EXTERNAL",
                Map.of("staleAfter", "10m", "reporter", "ci-smoke"), Duration.ofMinutes(30), Duration.ofSeconds(1), true,
                "ci", null)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("must not exceed staleAfter");
        for (Map<String, String> bad : List.of(Map.<String, String>of(), Map.of("staleAfter", "10m", "reporter", ""),
                Map.of("staleAfter", "30s"),
                Map.of("staleAfter", "25h"), Map.of("staleAfter", "soon"), Map.of("staleAfter", "10m", "reporter", "CI Smoke!"),
                Map.of("staleAfter", "10m", "url", "http://x"))) {
            assertThatThrownBy(() -> create(key, bad)).as(bad.toString()).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems()).extracting(InvalidInputException.Problem::field)
                            .allMatch(f -> f.startsWith("settings.")));
        }
        assertThat(As.viewer(() -> targets.find(key))).isEmpty();
        String yaml = """
                targets:
                  - key: %s
                    name: Nightly smoke
                    kind: EXTERNAL
                    group: ci
                    interval: 1m
                    timeout: 1s
                    settings:
                      staleAfter: 26h
                      reporter: ci-smoke
                """.formatted(key);
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> targets.importYaml(yaml)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("targets[0].settings.staleAfter")
                .hasMessageContaining("line 9");
        As.user("admin", Role.ADMIN, () -> targets.importYaml(yaml.replace("26h", "2h")));
        assertThat(As.user("admin", Role.ADMIN, () -> targets.exportYaml())).contains("kind: \"EXTERNAL\"", "staleAfter: \"2h\"");
    }

    private void assertNothingWritten(String key) {
        assertThat(stored(key)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from probe_external_push where target_key = ?", Long.class, key)).isZero();
        assertThat(statistics.status(key)).isEmpty();
    }
}
