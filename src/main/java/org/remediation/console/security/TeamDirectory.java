package org.remediation.console.security;

import org.remediation.console.base.identity.SignedIn;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only answers about teams for other features (who leads what). */
@Service
@SignedIn
public class TeamDirectory {

    private final TeamRepository teams;

    TeamDirectory(TeamRepository teams) {
        this.teams = teams;
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> teams() {
        return teams.findAllByOrderByName().stream().map(Team::summary).toList();
    }

    @Transactional(readOnly = true)
    public boolean exists(String teamName) {
        return teams.findByName(teamName).isPresent();
    }

    /** Whether the user leads or is a member of any of these teams. */
    @Transactional(readOnly = true)
    public boolean belongsToAny(String username, java.util.Collection<String> teamNames) {
        return teamNames.stream().map(teams::findByName).flatMap(java.util.Optional::stream).map(Team::summary)
                .anyMatch(t -> username.equals(t.lead()) || t.members().contains(username));
    }

    @Transactional(readOnly = true)
    public boolean isLeadOf(String username, String teamName) {
        return teams.findByName(teamName)
                .map(t -> t.getLead() != null && t.getLead().getUsername().equals(username))
                .orElse(false);
    }
}
