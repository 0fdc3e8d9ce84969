package org.remediation.console.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.UserAdminService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drill: a flood of bad input (≥ 200 cases across probe targets, actions, runbook YAML, accounts and
 * teams, criteria and escalation texts) through the public services. Each is refused with an
 * {@link InvalidInputException} that names the expected field in words, and no table changes —
 * every table's row count, the audit trail's included, is the same before and after.
 */
// Its own context: the action cases compare against the sandbox's live state, which other test classes change.
@SpringBootTest(properties = "console.drills.flood=true")
class BadInputFloodTest {

    /** The services the corpus calls. */
    record Services(ProbeTargetService targets, RemediationService remediation, RunbookService runbooks,
                    UserAdminService users, CriteriaService criteria, EscalationService escalations) {
    }

    @Autowired ProbeTargetService targets;
    @Autowired RemediationService remediation;
    @Autowired RunbookService runbooks;
    @Autowired UserAdminService users;
    @Autowired CriteriaService criteria;
    @Autowired EscalationService escalations;
    @Autowired JdbcTemplate jdbc;

    static List<FloodCorpus.Case> corpus() {
        return FloodCorpus.all();
    }

    @Test
    void theFloodHasAtLeastTwoHundredDistinctCases() {
        List<FloodCorpus.Case> all = corpus();
        assertThat(all).hasSizeGreaterThanOrEqualTo(200);
        assertThat(all.stream().map(FloodCorpus.Case::name).distinct().count()).isEqualTo(all.size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void badInputIsRefusedWithAClearMessageAndNothingIsWritten(FloodCorpus.Case c) {
        Map<String, Long> before = rowCounts();
        Throwable thrown = catchThrowable(() -> c.call().accept(
                new Services(targets, remediation, runbooks, users, criteria, escalations)));

        assertThat(thrown).as(c.name()).isInstanceOf(InvalidInputException.class);
        InvalidInputException e = (InvalidInputException) thrown;
        assertThat(e.names(c.field())).as("names '%s': %s", c.field(), e.getMessage()).isTrue();
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.field()).isNotBlank();
            assertThat(p.message()).as("a message in words").matches("(?s).*[A-Za-z]{3,}.*");
        });
        assertThat(rowCounts()).as("row counts after '%s'", c.name()).isEqualTo(before);
    }

    /** Row count of every table of the console's schema. */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables "
                + "where lower(table_schema) = 'public' and table_type = 'BASE TABLE' order by table_name", String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        assertThat(counts).containsKey("audit_event");
        return counts;
    }
}
