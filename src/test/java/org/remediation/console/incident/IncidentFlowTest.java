package org.remediation.console.incident;

import org.springframework.security.test.context.support.WithMockUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.Database;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class IncidentFlowTest {

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired org.remediation.console.criteria.CriteriaService criteria;
    @Autowired SignOffService signOffs;
    @Autowired TimelineService timeline;
    @Autowired StatusUpdateService updates;
    @Autowired RunbookService runbooks;
    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;

    @Test
    void theDemoStartsWithIncident1278TwoHoursIn() {
        IncidentSummary inc = incidents.find("INC-1278").orElseThrow();
        assertThat(inc.commander()).isEqualTo("commander");
        assertThat(incidents.phases("INC-1278")).hasSize(4).first()
                .satisfies(p -> assertThat(p.status()).isIn(PhaseStatus.ACTIVE, PhaseStatus.AWAITING_SIGN_OFF,
                        PhaseStatus.SIGNED_OFF));
        // "Two hours in" when it was seeded (the time of its "opened" timeline entry), not measured against
        // the clock now: this Spring context is shared and may have been running for any length of time.
        Instant seeded = timeline.entries("INC-1278").stream().filter(e -> e.category().equals("incident.opened"))
                .findFirst().orElseThrow().at();
        assertThat(Duration.between(inc.startedAt(), seeded)).as("started %s, seeded %s", inc.startedAt(), seeded)
                .isBetween(Duration.ofHours(2), Duration.ofHours(2).plusMinutes(1));
        if (!Database.isPostgres(dataSource)) {
            assertThat(incidents.phases("INC-1278").get(0).status()).isEqualTo(PhaseStatus.ACTIVE);
        }
        assertThat(jdbc.queryForObject("select count(*) from incident where pinned", Long.class)).isEqualTo(1);
    }

    @Test
    void tickingRecordsWhoAndWhenOnTheTaskTheTimelineAndTheAudit() {
        IncidentSummary inc = TestPlans.open(incidents);
        TaskState task = TestPlans.phase(incidents, inc.key(), "a").tasks().get(0);
        long audits = audits();
        TaskState ticked = As.user("responder", Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), true));
        assertThat(ticked.done()).isTrue();
        assertThat(ticked.doneBy()).isEqualTo("responder");
        assertThat(ticked.doneAt()).isNotNull();
        assertThat(audits()).isEqualTo(audits + 1);
        assertThat(timeline.entries(inc.key())).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("responder");
            assertThat(e.text()).contains("Ticked task a1");
        });
    }

    @Test
    void aStaleTickIsRefusedWithAClearMessageAndWritesNothing() {
        IncidentSummary inc = TestPlans.open(incidents);
        TaskState seen = TestPlans.phase(incidents, inc.key(), "a").tasks().get(0);
        As.user("lead", Role.TEAM_LEAD, () -> checklist.setDone(seen.id(), seen.version(), true));
        long audits = audits();
        assertThatThrownBy(() -> As.user("responder", Role.RESPONDER,
                () -> checklist.setNote(seen.id(), seen.version(), "my note")))
                .isInstanceOf(ConcurrentChangeException.class)
                .hasMessageContaining("Someone else changed task a1 first")
                .hasMessageContaining("ticked by lead");
        TaskState now = checklist.task(seen.id()).orElseThrow();
        assertThat(now.note()).isNull();
        assertThat(now.doneBy()).isEqualTo("lead");
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void signOffWaitsForDependenciesTasksAndCriteria() {
        IncidentSummary inc = TestPlans.open(incidents);
        PhaseState b = TestPlans.phase(incidents, inc.key(), "b");
        assertThat(signOffs.blockingReasons(b.id())).anyMatch(r -> r.contains("depends on phase 'Phase A'"))
                .anyMatch(r -> r.contains("task b1 is not done")).anyMatch(r -> r.contains("criterion 'It is fast': not confirmed yet"));
        TestPlans.complete(incidents, checklist, criteria, inc.key(), "b");
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> signOffs.signOff(b.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("depends on phase 'Phase A'");
        TestPlans.complete(incidents, checklist, criteria, inc.key(), "a");
        PhaseState a = TestPlans.phase(incidents, inc.key(), "a");
        assertThat(a.status()).isEqualTo(PhaseStatus.AWAITING_SIGN_OFF);
        assertThat(timeline.entries(inc.key())).anySatisfy(e ->
                assertThat(e.text()).isEqualTo("Phase 'Phase A' is ready for sign-off by Infrastructure"));
        SignOffRecord record = As.user("lead", Role.TEAM_LEAD, () -> signOffs.signOff(a.id()));
        assertThat(record.override()).isFalse();
        assertThat(record.snapshotJson()).contains("\"ref\":\"a1\"", "\"done\":true", "\"label\":\"It works\"", "\"confirmedBy\":\"commander\"",
                "probe green");
        assertThat(TestPlans.phase(incidents, inc.key(), "a").status()).isEqualTo(PhaseStatus.SIGNED_OFF);
        assertThat(signOffs.blockingReasons(b.id())).isEmpty();
        As.user("commander", Role.COMMANDER, () -> signOffs.signOff(b.id()));
        assertThat(TestPlans.phase(incidents, inc.key(), "b").signedOff()).isTrue();
    }

    @Test
    void aLeadOfAnotherTeamMayNotSignOff() {
        IncidentSummary inc = TestPlans.open(incidents);
        TestPlans.complete(incidents, checklist, criteria, inc.key(), "a");
        As.user("commander", Role.COMMANDER, () -> signOffs.signOff(TestPlans.phase(incidents, inc.key(), "a").id()));
        TestPlans.complete(incidents, checklist, criteria, inc.key(), "b");
        long phaseB = TestPlans.phase(incidents, inc.key(), "b").id();
        long audits = audits();
        assertThatThrownBy(() -> As.user("lead", Role.TEAM_LEAD, () -> signOffs.signOff(phaseB)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only a lead of Development");
        assertThat(audits()).isEqualTo(audits);
        assertThat(TestPlans.phase(incidents, inc.key(), "b").signedOff()).isFalse();
    }

    @Test
    void anOverrideNeedsAWrittenReasonAndIsLoud() {
        IncidentSummary inc = TestPlans.open(incidents);
        long phaseB = TestPlans.phase(incidents, inc.key(), "b").id();
        long audits = audits();
        for (String weak : new String[] {"", "   ", "because"}) {
            assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> signOffs.overrideSignOff(phaseB, weak)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("reason")).isTrue());
        }
        assertThat(audits()).isEqualTo(audits);
        SignOffRecord record = As.user("commander", Role.COMMANDER,
                () -> signOffs.overrideSignOff(phaseB, "Vendor confirmed the fix; probes lag behind"));
        assertThat(record.override()).isTrue();
        assertThat(record.snapshotJson()).contains("depends on phase 'Phase A'", "\"done\":false");
        assertThat(timeline.entries(inc.key())).anySatisfy(e -> {
            assertThat(e.loud()).isTrue();
            assertThat(e.text()).startsWith("OVERRIDE").contains("Vendor confirmed the fix");
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'phase.signoff.override' "
                + "and subject = ?", Long.class, inc.key() + "/b")).isEqualTo(1);
        assertThat(TestPlans.phase(incidents, inc.key(), "b").signedOff()).isTrue();
    }

    @Test
    void aSignedOffPhaseKeepsItsChecklistFrozen() {
        IncidentSummary inc = TestPlans.open(incidents);
        PhaseState a = TestPlans.phase(incidents, inc.key(), "a");
        As.user("commander", Role.COMMANDER, () -> signOffs.overrideSignOff(a.id(), "Drill: skip this phase"));
        TaskState task = TestPlans.phase(incidents, inc.key(), "a").tasks().get(0);
        assertThatThrownBy(() -> As.user("responder", Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), true)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("frozen");
    }

    @Test
    void tasksCanBeAddedDuringTheIncidentAndCarryTheirActionSpec() {
        IncidentSummary inc = TestPlans.open(incidents);
        PhaseState a = TestPlans.phase(incidents, inc.key(), "a");
        TaskState added = As.user("responder", Role.RESPONDER, () -> checklist.addTask(a.id(), "Raise SQL connections",
                "Infrastructure", "gcloud sql instances patch netra-staging-db", "sql-flag "
                        + "resource=SQL_INSTANCE/us-central1/netra-staging-db flag=max_connections value=120"));
        assertThat(added.ref()).isEqualTo("1.2");
        assertThat(checklist.actionSpec(added.id())).hasValueSatisfying(s -> {
            assertThat(s.kind()).isEqualTo("sql-flag");
            assertThat(s.label()).isEqualTo("Set Cloud SQL flag");
            assertThat(s.params()).containsEntry("flag", "max_connections").containsEntry("value", "120");
        });
        assertThatThrownBy(() -> As.user("responder", Role.RESPONDER, () -> checklist.addTask(a.id(), " ", "",
                null, "launch-rockets now")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.Problem::field).contains("text", "owner", "actionSpec"));
    }

    @Test
    void notesFromOtherFeaturesLandOnTheNamedIncidentsTimeline() {
        IncidentSummary inc = TestPlans.open(incidents);
        events.publishEvent(new TimelineNote(Instant.parse("2026-01-01T00:00:00Z"), "system", "probe.state",
                "backend-health went DOWN", inc.key(), Map.of("p95", "7200ms")));
        assertThat(timeline.entries(inc.key())).anySatisfy(e -> {
            assertThat(e.category()).isEqualTo("probe.state");
            assertThat(e.text()).contains("backend-health went DOWN", "p95=7200ms");
        });
        assertThat(timeline.markdown(inc.key())).contains("| 2026-01-01 00:00:00 UTC | system | backend-health went DOWN");
    }

    @Test
    void theStatusUpdateDraftStatesTheFactsAndResetsTheReminder() {
        IncidentSummary inc = TestPlans.open(incidents);
        String markdown = As.user("commander", Role.COMMANDER, () -> updates.draft(inc.key()));
        assertThat(markdown).contains(inc.key(), "**Elapsed:**", "| 1 | Phase A | Infrastructure | 0h–1h | 0/1 | 0/1 |",
                "Phase B waits for Phase A", "Phase A: Scale it (Infrastructure)", "[ ] It works");
        IncidentSummary after = incidents.find(inc.key()).orElseThrow();
        assertThat(after.lastStatusUpdateAt()).isNotNull();
        assertThat(updates.nextDue(after)).isEqualTo(after.lastStatusUpdateAt().plus(Duration.ofHours(1)));
        assertThat(updates.reminderDue(after)).isFalse();
    }

    @Test
    void anIncidentsPlanExportsAndReimportsAsAnEqualPlan() {
        IncidentSummary inc = TestPlans.open(incidents);
        String yaml = runbooks.export(inc.key());
        String key = TestPlans.newKey();
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(key, yaml));
        assertThat(incidents.runbook(key)).isEqualTo(incidents.runbook(inc.key())).isEqualTo(TestPlans.small());
    }

    @Test
    void aPlanBuiltInCodeGetsTheSameChecksAsAnImportedOne() {
        Runbook small = TestPlans.small();
        Runbook.Phase a = small.phases().get(0);
        Runbook.Phase cyclic = new Runbook.Phase(a.key(), a.title(), a.priority(), a.ownerTeam(), a.supportingTeams(),
                a.windowStartMinutes(), a.windowEndMinutes(), java.util.List.of("b"), a.rollback(), a.escalation(),
                a.validation(), a.tasks(), a.criteria());
        Runbook bad = new Runbook(small.title(), small.severity(), small.businessImpact(),
                java.util.List.of(cyclic, small.phases().get(1)));
        String key = TestPlans.newKey();
        long audits = audits();
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> incidents.create(key, bad)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dependency cycle: a → b → a");
        assertThat(incidents.find(key)).isEmpty();
        assertThat(audits()).isEqualTo(audits);
    }

    private long audits() {
        return jdbc.queryForObject("select count(*) from audit_event", Long.class);
    }
}
