package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Import through the service: a malformed runbook writes nothing at all; a good one opens an incident. */
@SpringBootTest
class RunbookImportTest {

    @Autowired RunbookService runbooks;
    @Autowired IncidentService incidents;
    @Autowired JdbcTemplate jdbc;

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
        IncidentSummary created = As.user("commander", Role.COMMANDER,
                () -> runbooks.importAsIncident(key, runbooks.templateYaml("inc-1278")));
        assertThat(created.commander()).isEqualTo("commander");
        assertThat(incidents.phases(key)).extracting(p -> p.tasks().size()).containsExactly(5, 6, 5, 6);
        assertThat(incidents.runbook(key)).isEqualTo(runbooks.parse(runbooks.templateYaml("inc-1278")));
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
