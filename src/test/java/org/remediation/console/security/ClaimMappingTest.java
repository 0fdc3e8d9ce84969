package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Claims to account: username fallbacks, groups to roles and teams, the two rules for unmapped people. */
class ClaimMappingTest {

    private static SsoProperties sso(SsoProperties.Unmapped unmapped) {
        return new SsoProperties(true, "sso", true, "preferred_username", "groups",
                Map.of("ops", Set.of(Role.OPERATOR), "leads", Set.of(Role.TEAM_LEAD, Role.RESPONDER)),
                Map.of("ops", Set.of("Infrastructure"), "leads", Set.of("Database", "Infrastructure")), unmapped);
    }

    @Test
    void rolesAndTeamsAreTheUnionOverTheGroups() {
        ClaimMapping.Mapped m = new ClaimMapping(sso(SsoProperties.Unmapped.REFUSE)).map(Map.of("sub", "s-1",
                "preferred_username", "Ann.Lee", "name", "Ann Lee", "groups", List.of("ops", "leads", "other")));
        assertThat(m.username()).isEqualTo("ann.lee");
        assertThat(m.displayName()).isEqualTo("Ann Lee");
        assertThat(m.roles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.TEAM_LEAD, Role.RESPONDER);
        assertThat(m.teams()).containsExactly("Database", "Infrastructure");
    }

    @Test
    void theUsernameFallsBackToAVerifiedEmailThenSubjectAndRefusesLookalikes() {
        ClaimMapping mapping = new ClaimMapping(sso(SsoProperties.Unmapped.VIEWER));
        assertThat(mapping.map(Map.of("sub", "s-1", "email", "Bo@Example.org", "email_verified", true, "groups", "ops"))
                .username()).isEqualTo("bo@example.org");
        assertThat(mapping.map(Map.of("sub", "s-1", "email", "Bo@Example.org", "groups", "ops")).username())
                .as("an unverified address names nobody").isEqualTo("s-1");
        assertThatThrownBy(() -> mapping.map(Map.of("sub", "s-2", "preferred_username", "\u212Aarl", "groups", "ops")))
                .as("the Kelvin sign folds to k").isInstanceOf(SsoRefusal.class);
        assertThat(mapping.map(Map.of("sub", "abc-123")).username()).isEqualTo("abc-123");
    }

    @Test
    void withoutAMappedRoleAPersonGetsViewerOrIsRefusedAsConfigured() {
        Map<String, Object> claims = Map.of("sub", "s-2", "preferred_username", "cy", "groups", List.of("sales"));
        assertThat(new ClaimMapping(sso(SsoProperties.Unmapped.VIEWER)).map(claims).roles()).containsExactly(Role.VIEWER);
        assertThatThrownBy(() -> new ClaimMapping(sso(SsoProperties.Unmapped.REFUSE)).map(claims))
                .isInstanceOf(SsoRefusal.class).hasMessageContaining("no role in the console").hasMessageContaining("[sales]");
        assertThatThrownBy(() -> new ClaimMapping(sso(SsoProperties.Unmapped.REFUSE)).map(Map.of("sub", "s-3")))
                .hasMessageContaining("lists no group");
    }

    @Test
    void aNameThatCannotBeAUsernameIsRefusedNamingTheClaim() {
        assertThatThrownBy(() -> new ClaimMapping(sso(SsoProperties.Unmapped.VIEWER)).map(Map.of("sub", "s-4",
                "preferred_username", "Ann Lee\n<script>")))
                .isInstanceOf(SsoRefusal.class).hasMessageContaining("claim preferred_username");
        assertThat(new ClaimMapping(sso(SsoProperties.Unmapped.VIEWER)).claimedName(Map.of("sub", "s-4",
                "email", "x@example.org"))).isEqualTo("x@example.org");
    }

    @Test
    void onlyTeamsNamedInTheMappingAreManaged() {
        assertThat(new ClaimMapping(sso(SsoProperties.Unmapped.VIEWER)).managedTeams())
                .containsExactly("Database", "Infrastructure");
    }
}
