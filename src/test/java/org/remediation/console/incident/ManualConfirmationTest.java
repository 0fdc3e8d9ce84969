package org.remediation.console.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionStatus;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Manual criteria have one way to become met: {@code CriteriaService.confirmManual}, by a lead of the
 * team owning the phase or a commander, with evidence. Phase a belongs to Infrastructure (led by
 * "lead"), phase b to Development.
 */
@SpringBootTest
@WithMockUser(username = "viewer", roles = "VIEWER")
class ManualConfirmationTest {

    @Autowired IncidentService incidents;
    @Autowired CriteriaService criteria;
    @Autowired SignOffService signOffs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theOwningTeamsLeadConfirmsWithEvidenceAndEveryReaderSeesIt() {
        String key = TestPlans.open(incidents).key();
        CriterionState c = TestPlans.phase(incidents, key, "a").criteria().get(0);
        CriterionStatus confirmed = As.user("lead", Role.TEAM_LEAD,
                () -> criteria.confirmManual(c.owner(), "  p95 420 ms for 15 min  "));
        assertThat(confirmed.met()).isTrue();
        CriterionState now = TestPlans.phase(incidents, key, "a").criteria().get(0);
        assertThat(now.met()).isTrue();
        assertThat(now.evidence()).isEqualTo("p95 420 ms for 15 min");
        assertThat(now.confirmedBy()).isEqualTo("lead");
        assertThat(now.confirmedAt()).isNotNull();
        assertThat(As.viewer(() -> signOffs.blockingReasons(TestPlans.phase(incidents, key, "a").id())))
                .noneMatch(r -> r.startsWith("criterion "));
    }

    @Test
    void aLeadOfAnotherTeamIsRefusedAndNothingChanges() {
        String key = TestPlans.open(incidents).key();
        CriterionState b = TestPlans.phase(incidents, key, "b").criteria().get(0); // Development's phase
        String before = fingerprint(key);
        assertThatThrownBy(() -> As.user("lead", Role.TEAM_LEAD, () -> criteria.confirmManual(b.owner(), "looks good")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Only a lead of the team owning");
        assertThat(fingerprint(key)).isEqualTo(before);
        assertThat(As.user("lead", Role.TEAM_LEAD, () -> criteria.mayConfirm(b.owner()))).isFalse();
        assertThat(As.user("commander", Role.COMMANDER, () -> criteria.mayConfirm(b.owner()))).isTrue();
    }

    @Test
    void aResponderIsRefused() {
        String key = TestPlans.open(incidents).key();
        CriterionState a = TestPlans.phase(incidents, key, "a").criteria().get(0);
        String before = fingerprint(key);
        assertThatThrownBy(() -> As.user("responder", Role.RESPONDER, () -> criteria.confirmManual(a.owner(),
                "I checked it"))).isInstanceOf(AccessDeniedException.class);
        assertThat(fingerprint(key)).isEqualTo(before);
    }

    @Test
    void evidenceIsRequiredWithAClearMessage() {
        String key = TestPlans.open(incidents).key();
        CriterionState a = TestPlans.phase(incidents, key, "a").criteria().get(0);
        String before = fingerprint(key);
        for (String empty : List.of("", "   ", "ok")) {
            assertThatThrownBy(() -> As.user("commander", Role.COMMANDER, () -> criteria.confirmManual(a.owner(), empty)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.names("evidenceNote")).isTrue();
                        assertThat(e.getMessage()).contains("Evidence is required");
                    });
        }
        assertThat(fingerprint(key)).isEqualTo(before);
        assertThat(TestPlans.phase(incidents, key, "a").criteria().get(0).met()).isFalse();
    }

    @Test
    void aSignedOffPhasesCriteriaAreFrozen() {
        String key = TestPlans.open(incidents).key();
        PhaseState b = TestPlans.phase(incidents, key, "b");
        As.user("commander", Role.COMMANDER, () -> signOffs.overrideSignOff(b.id(), "Drill: sign off without QA"));
        assertThatThrownBy(() -> As.user("commander", Role.COMMANDER,
                () -> criteria.confirmManual(b.criteria().get(0).owner(), "QA passed later")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("signed off");
    }

    private String fingerprint(String key) {
        return jdbc.queryForObject("select count(*) || '/' || coalesce(sum(version), 0) || '/'"
                + " || coalesce(max(confirmed_by), '-') from criterion where incident_key = ?", String.class, key);
    }
}
