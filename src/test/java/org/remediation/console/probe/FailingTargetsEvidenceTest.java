package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.criteria.CriterionState;
import org.remediation.console.criteria.CriterionStatus;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A green badge must be a measurement that would have been red: two targets that only fail — one
 * refused at once, one that never answers and fails at its timeout — probed by the real scheduler,
 * reach their criteria only through the per-result path (the full round is pushed to 1 h), and
 * every criterion on them ends NOT_MET, never MET or NO_DATA.
 */
@SpringBootTest(properties = {"console.probes.scheduler.enabled=true", "console.criteria.reevaluate-interval=1h"})
@DirtiesContext // its own scheduler, stopped with the class
class FailingTargetsEvidenceTest {

    @Autowired ProbeTargetService targets;
    @Autowired CriteriaService criteria;

    @Test
    void targetsThatOnlyFailMakeEveryCriterionOnThemNotMet() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String refused = "refused-" + id;
        String silent = "silent-" + id;
        String group = "failing-" + id;
        String incident = "inc-fail-" + id;
        Map<String, String> urls = Map.of(refused, "http://127.0.0.1:" + Loopback.closedPort() + "/health",
                silent, "http://127.0.0.1:" + Loopback.silentTcpPort() + "/health");
        As.user("admin", Role.ADMIN, () -> urls.forEach((key, url) -> targets.create(new TargetDraft(key, key, "HTTP",
                Map.of("url", url), Duration.ofSeconds(1), Duration.ofMillis(300), false, group, null))));

        List<CriterionDefinition> kpis = new ArrayList<>();
        for (String t : urls.keySet()) {
            String k = t.substring(0, t.indexOf('-'));
            kpis.add(new CriterionDefinition(k + "-rate", t + " success rate", t + " success-rate >= 50 % over 5m"));
            kpis.add(new CriterionDefinition(k + "-avail", t + " availability", t + " availability >= 50 % over 5m"));
            kpis.add(new CriterionDefinition(k + "-p95", t + " p95", t + " p95 < 2000 ms over 5m"));
            kpis.add(new CriterionDefinition(k + "-max", t + " max", t + " max < 2000 ms over 5m"));
            kpis.add(new CriterionDefinition(k + "-up", t + " up", t + " up"));
        }
        kpis.add(new CriterionDefinition("group-any", "any of the group succeeds", "group " + group + " any success-rate >= 1 % over 5m"));
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, null, kpis));
        assertThat(states(incident)).as("before any result").containsOnly(CriterionState.NO_DATA);

        As.user("admin", Role.ADMIN, () -> urls.keySet().forEach(k -> targets.setEnabled(k, true)));
        try {
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                    assertThat(states(incident)).as("every criterion on targets that only fail").hasSize(kpis.size())
                            .containsOnly(CriterionState.NOT_MET));
            List<CriterionStatus> statuses = As.user("viewer", new Role[] {Role.VIEWER}, () -> criteria.kpis(incident));
            assertThat(statuses).filteredOn(s -> !s.text().endsWith(" up"))
                    .allSatisfy(s -> assertThat(s.samples()).as(s.label() + ": failures are counted as samples").isPositive());
        } finally {
            As.user("admin", Role.ADMIN, () -> urls.keySet().forEach(k -> targets.setEnabled(k, false)));
        }
    }

    private List<CriterionState> states(String incident) {
        return As.user("viewer", new Role[] {Role.VIEWER}, () -> criteria.kpis(incident)).stream().map(CriterionStatus::state).toList();
    }
}
