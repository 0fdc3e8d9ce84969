package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/** Every role × every state-changing operation: allowed ones succeed, denied ones throw and write nothing. */
@SpringBootTest
class IncidentRoleMatrixTest {

    private static final Set<Role> CHECKLIST = Set.of(Role.RESPONDER, Role.TEAM_LEAD, Role.COMMANDER);
    private static final Set<Role> SIGN_OFF = Set.of(Role.TEAM_LEAD, Role.COMMANDER);
    private static final Set<Role> COMMAND = Set.of(Role.COMMANDER);

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired CriteriaService criteria;
    @Autowired SignOffService signOffs;
    @Autowired StatusUpdateService updates;
    @Autowired RunbookService runbooks;
    @Autowired JdbcTemplate jdbc;

    /** An operation on a fresh incident {@code key}. */
    interface Operation {
        void run(IncidentRoleMatrixTest t, String key);
    }

    static Stream<Arguments> matrix() {
        List<Object[]> ops = List.of(
                new Object[] {"create incident", COMMAND, (Operation) (t, k) -> t.incidents.create(TestPlans.newKey(),
                        TestPlans.small())},
                new Object[] {"edit incident", COMMAND, (Operation) (t, k) -> t.incidents.update(k, "New title",
                        Severity.P0, "impact", "commander")},
                new Object[] {"change status", COMMAND, (Operation) (t, k) -> t.incidents.setStatus(k,
                        IncidentStatus.MONITORING)},
                new Object[] {"resolve", COMMAND, (Operation) (t, k) -> t.incidents.resolve(k)},
                new Object[] {"pin", COMMAND, (Operation) (t, k) -> t.incidents.pin(k)},
                new Object[] {"edit phase", COMMAND, (Operation) (t, k) -> t.incidents.editPhase(t.phase(k, "a").id(),
                        new PhaseEdit("A2", Severity.P1, "Infrastructure", List.of(), 0, 90, "r", "e"))},
                new Object[] {"block phase", COMMAND, (Operation) (t, k) -> t.incidents.setPhaseStatus(
                        t.phase(k, "a").id(), PhaseStatus.BLOCKED)},
                new Object[] {"tick task", CHECKLIST, (Operation) (t, k) -> {
                    TaskState task = t.phase(k, "a").tasks().get(0);
                    t.checklist.setDone(task.id(), task.version(), true);
                }},
                new Object[] {"note task", CHECKLIST, (Operation) (t, k) -> {
                    TaskState task = t.phase(k, "a").tasks().get(0);
                    t.checklist.setNote(task.id(), task.version(), "n");
                }},
                new Object[] {"add task", CHECKLIST, (Operation) (t, k) -> t.checklist.addTask(t.phase(k, "a").id(),
                        "x", "QA", null, null)},
                new Object[] {"confirm manual criterion", SIGN_OFF, (Operation) (t, k) ->
                        t.criteria.confirmManual(t.phase(k, "a").criteria().get(0).owner(), "QA ticket 42 passed")},
                new Object[] {"sign off", SIGN_OFF, (Operation) (t, k) -> t.signOffs.signOff(t.phase(k, "a").id())},
                new Object[] {"override sign-off", COMMAND, (Operation) (t, k) -> t.signOffs.overrideSignOff(
                        t.phase(k, "b").id(), "Matrix test override")},
                new Object[] {"draft status update", SIGN_OFF, (Operation) (t, k) -> t.updates.draft(k)},
                new Object[] {"import runbook", COMMAND, (Operation) (t, k) -> t.runbooks.importAsIncident(
                        TestPlans.newKey(), RunbookWriter.write(TestPlans.small()))});
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Object[] op : ops) {
            for (Role role : Role.values()) {
                @SuppressWarnings("unchecked")
                boolean allowed = ((Set<Role>) op[1]).contains(role);
                rows.add(Arguments.of(role, op[0], allowed, op[2]));
            }
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} {1}: allowed={2}")
    @MethodSource("matrix")
    void rolesAreEnforcedOnTheServices(Role role, String name, boolean allowed, Operation op) {
        String key = TestPlans.open(incidents).key();
        TestPlans.complete(incidents, checklist, criteria, key, "a");
        String user = role == Role.TEAM_LEAD ? "lead" : role.name().toLowerCase();
        // Only the caller's own audit events: background work (the system actor) may append meanwhile.
        long audits = auditsBy(user);
        long incidentRows = count("incident");
        long tasks = count("incident_task");
        // the caller's own timeline rows: criteria rounds of the shared context write theirs meanwhile (as system)
        long timeline = timelineBy(user);
        if (allowed) {
            As.user(user, role, () -> op.run(this, key));
            assertThat(auditsBy(user)).isGreaterThan(audits);
        } else {
            assertThatThrownBy(() -> As.user(user, role, () -> op.run(this, key)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(auditsBy(user)).isEqualTo(audits);
            assertThat(count("incident")).isEqualTo(incidentRows);
            assertThat(count("incident_task")).isEqualTo(tasks);
            assertThat(timelineBy(user)).isEqualTo(timeline);
        }
    }

    long timelineBy(String user) {
        return jdbc.queryForObject("select count(*) from incident_timeline where actor = ?", Long.class, user);
    }

    long auditsBy(String user) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ?", Long.class, user);
    }

    PhaseState phase(String key, String phaseKey) {
        return TestPlans.phase(incidents, key, phaseKey);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
