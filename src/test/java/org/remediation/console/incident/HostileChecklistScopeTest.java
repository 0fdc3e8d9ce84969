package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Team scope (issue 16, item 11): holding the RESPONDER or TEAM_LEAD role is not enough to change a
 * checklist; the caller's team must own or support the phase. The attacker here is a responder of
 * another team ticking, annotating and adding tasks in a phase that is not theirs.
 */
@SpringBootTest
@Tag("hostile")
class HostileChecklistScopeTest {

    @Autowired IncidentService incidents;
    @Autowired ChecklistService checklist;
    @Autowired CriteriaService criteria;
    @Autowired UserAdminService admin;
    @Autowired JdbcTemplate jdbc;

    String key;
    static final String DEV = "dev-responder";
    static final String QA_LEAD = "qa-lead";

    @BeforeEach
    void anIncidentAndAResponderOfAnotherTeam() {
        key = TestPlans.open(incidents).key();
        As.user("admin", Role.ADMIN, () -> {
            if (admin.listUsers().stream().noneMatch(u -> u.username().equals(DEV))) {
                admin.createUser(DEV, "Dev Responder", "Correct-horse-battery-7", Set.of(Role.RESPONDER));
                admin.createUser(QA_LEAD, "QA Lead", "Correct-horse-battery-7", Set.of(Role.TEAM_LEAD));
            }
            admin.updateTeam("Development", Set.of(DEV), null);
            admin.updateTeam("QA", Set.of(QA_LEAD), QA_LEAD);
        });
    }

    PhaseState phase(String phaseKey) {
        return TestPlans.phase(incidents, key, phaseKey);
    }

    @Test
    void aResponderOfAnotherTeamCannotTickNoteOrAddTasksInAPhaseTheirTeamNeitherOwnsNorSupports() {
        PhaseState a = phase("a"); // owned by Infrastructure, supported by Platform
        TaskState task = a.tasks().get(0);
        long audits = auditsBy(DEV);
        long tasks = count("incident_task");
        assertThatThrownBy(() -> As.user(DEV, Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), true)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Infrastructure");
        assertThatThrownBy(() -> As.user(DEV, Role.RESPONDER, () -> checklist.setNote(task.id(), task.version(), "mine")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> As.user(DEV, Role.RESPONDER, () -> checklist.addTask(a.id(), "x", "Development", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(As.user(DEV, Role.RESPONDER, () -> checklist.mayEdit(a.id()))).isFalse();
        TaskState after = phase("a").tasks().get(0);
        assertThat(after.done()).isFalse();
        assertThat(after.version()).isEqualTo(task.version());
        assertThat(auditsBy(DEV)).isEqualTo(audits);
        assertThat(count("incident_task")).isEqualTo(tasks);
    }

    @Test
    void theSameResponderTicksTheirOwnTeamsPhase() {
        PhaseState b = phase("b"); // owned by Development
        TaskState task = b.tasks().get(0);
        assertThat(As.user(DEV, Role.RESPONDER, () -> checklist.mayEdit(b.id()))).isTrue();
        TaskState ticked = As.user(DEV, Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), true));
        assertThat(ticked.done()).isTrue();
    }

    @Test
    void aLeadOfAnotherTeamIsRefusedTooAndTheCommanderMayChangeAnyPhase() {
        PhaseState a = phase("a");
        TaskState task = a.tasks().get(0);
        assertThatThrownBy(() -> As.user(QA_LEAD, Role.TEAM_LEAD, () -> checklist.setDone(task.id(), task.version(), true)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(As.user("commander", Role.COMMANDER, () -> checklist.mayEdit(a.id()))).isTrue();
        assertThat(As.user("commander", Role.COMMANDER, () -> checklist.setDone(task.id(), task.version(), true)).done())
                .isTrue();
    }

    @Test
    void aMemberOfASupportingTeamMayTick() {
        As.user("admin", Role.ADMIN, () -> admin.updateTeam("Platform", Set.of(DEV), null));
        try {
            TaskState task = phase("a").tasks().get(0);
            assertThat(As.user(DEV, Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), true)).done()).isTrue();
        } finally {
            As.user("admin", Role.ADMIN, () -> admin.updateTeam("Platform", Set.of(), null));
        }
    }

    long auditsBy(String user) {
        return jdbc.queryForObject("select count(*) from audit_event where actor = ?", Long.class, user);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
