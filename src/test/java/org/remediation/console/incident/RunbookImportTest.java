package org.remediation.console.incident;

import org.springframework.security.test.context.support.WithMockUser;
import org.remediation.console.base.identity.SystemActor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Import through the service: a malformed runbook writes nothing at all; a good one opens an incident. */
@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class RunbookImportTest {

    @Autowired RunbookService runbooks;
    @Autowired IncidentService incidents;
    @Autowired JdbcTemplate jdbc;
    @Autowired CriteriaService criteria;
    @Autowired ProbeTargetService targets;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.remediation.console.incident.MalformedRunbooks#corpus")
    void aMalformedRunbookIsRejectedWithPathAndLineAndWritesNothing(String name, String path, int line, String yaml) {
        String key = TestPlans.newKey();
        long[] before = counts();
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, yaml)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains(path + ": line " + line + ":"));
        assertThat(counts()).containsExactly(before);
        assertThat(incidents.find(key)).isEmpty();
    }

    @Test
    void aDuplicateIncidentKeyIsRefusedAndWritesNothing() {
        String yaml = runbooks.templateYaml("inc-1278");
        long[] before = counts();
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident("INC-1278", yaml)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("incidentKey")).isTrue());
        assertThat(counts()).containsExactly(before);
    }

    @Test
    void theTemplateImportsAsANewIncidentWithEveryTask() {
        String key = TestPlans.newKey();
        RunbookImport imported = As.user("commander", Role.COMMANDER,
                () -> runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278")));
        IncidentSummary created = imported.incident();
        assertThat(imported.warnings()).as("the template binds to the demo probe targets").isEmpty();
        assertThat(created.commander()).isEqualTo("commander");
        assertThat(incidents.phases(key)).extracting(p -> p.tasks().size()).containsExactly(5, 6, 5, 6);
        assertThat(incidents.runbook(key)).isEqualTo(runbooks.parse(runbooks.templateYaml("inc-1278")));
    }

    @Test
    void theTemplatesKpisBecomeTheIncidentsKpiTilesAndExportBack() {
        String key = TestPlans.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278")));
        assertThat(criteria.kpis(key)).extracting(s -> s.owner().criterionKey())
                .containsExactly("agent-execution", "database-response", "redis-connectivity", "golden-path");
        assertThat(criteria.kpis(key)).extracting(s -> s.label()).first().isEqualTo("Agent execution < 30 s");
        assertThat(As.user("commander", Role.COMMANDER, () -> runbooks.export(key)))
                .contains("kpis:", "key: \"agent-execution\"", "measure: \"agent-response p95 < 30000 ms over 15m\"");
    }

    @Test
    void kpisComeFromTheRunbookNotFromItsTitle() {
        // A runbook titled like the template but without a kpis section gets no KPIs.
        Runbook plan = TestPlans.small();
        String key = TestPlans.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, RunbookWriter.write(
                new Runbook("Issue #1278 — a drill", plan.severity(), plan.businessImpact(), plan.phases()))));
        assertThat(criteria.kpis(key)).isEmpty();
    }

    @Test
    void theCriteriaAndEscalationRulesOfACommandersImportAreAuditedAsTheCommanders() {
        String key = TestPlans.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278")));
        var rows = jdbc.queryForList("select actor, action from audit_event where subject like ? order by seq",
                "incident:" + key + "/%");
        assertThat(rows).extracting(r -> r.get("action")).contains("criteria.defined", "escalation.rules.defined");
        assertThat(rows).extracting(r -> r.get("actor")).containsOnly("commander");
    }

    /** A runbook whose phase has a measured criterion {@code ghost} on {@code measure}. */
    static String runbookMeasuring(String measure) {
        return "title: Drill\nseverity: P1\nphases:\n  - key: a\n    title: A\n    priority: P0\n"
                + "    owner: Infrastructure\n    window: { start: 0h, end: 4h }\n    criteria:\n"
                + "      - key: ghost\n        text: The new service answers\n"
                + "        measure: \"" + measure + "\"\n";
    }

    @Test
    void aMeasuredCriterionOnAProbeTargetThatDoesNotExistIsImportedWithAWarningAndSaysSo() {
        String target = "ghost-" + TestPlans.newKey().toLowerCase();
        String key = TestPlans.newKey();
        RunbookImport imported = As.user("commander", Role.COMMANDER,
                () -> runbooks.importAsIncident(key, runbookMeasuring(target + " up")));
        assertThat(incidents.find(key)).isPresent();
        assertThat(imported.warnings()).singleElement().satisfies(w -> {
            assertThat(w.path()).isEqualTo("phases[0].criteria[0].measure");
            assertThat(w.line()).isEqualTo(12);
            assertThat(w.criterionKey()).isEqualTo("ghost");
            assertThat(w.subject()).isEqualTo(target);
            assertThat(w.toString()).startsWith("phases[0].criteria[0].measure: line 12: criterion ghost: "
                    + "no such probe target: " + target + ";");
        });
        assertThat(criteria.ofPhase(key, "a")).singleElement().satisfies(c -> {
            assertThat(c.detail()).isEqualTo("no such probe target: " + target);
            assertThat(c.valueText()).isEqualTo("no such probe target: " + target);
        });

        As.user("admin", Role.ADMIN, () -> targets.create(new TargetDraft(target, "Ghost", "HTTP",
                Map.of("url", "http://127.0.0.1:9/health"), Duration.ofSeconds(30), Duration.ofSeconds(1), false,
                "ghosts", null)));
        SystemActor.run(() -> criteria.reevaluateAll());
        assertThat(criteria.ofPhase(key, "a")).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(org.remediation.console.criteria.CriterionState.NO_DATA);
            assertThat(c.detail()).isEqualTo("the target has not been probed yet");
        });
    }

    @Test
    void aGroupWithoutTargetsIsAWarningToo() {
        String group = "nobody-" + TestPlans.newKey().toLowerCase();
        RunbookCheck checked = runbooks.check(runbookMeasuring("group " + group + " all success-rate >= 99 %"));
        assertThat(checked.warnings()).singleElement().satisfies(w -> {
            assertThat(w.subject()).isEqualTo(group);
            assertThat(w.message()).startsWith("group '" + group + "' has no probe targets");
        });
        assertThat(runbooks.check(runbookMeasuring("golden-path all up")).warnings()).isEmpty();
    }

    private long[] counts() {
        return new long[] {count("incident"), count("incident_phase"), count("incident_task"),
                count("incident_criterion"), humanTimelineEntries(), count("audit_event")};
    }

    /** Other features' notes ("system") may reach the shared database's incidents meanwhile. */
    private long humanTimelineEntries() {
        return jdbc.queryForObject("select count(*) from incident_timeline where actor <> 'system'", Long.class);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
