package org.remediation.console.incident;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A remediation plan as data: what {@link RunbookYaml} reads and writes and what an incident is
 * created from. Windows are minutes from the incident start.
 */
public record Runbook(String title, Severity severity, String businessImpact, List<Phase> phases, List<Kpi> kpis) {

    public Runbook(String title, Severity severity, String businessImpact, List<Phase> phases) {
        this(title, severity, businessImpact, phases, List.of());
    }

    /**
     * An incident-level KPI, shown as a tile on the board: {@code key} unique among the KPIs,
     * {@code text} its title, {@code measure} in the criteria grammar (docs/criteria.md), e.g.
     * {@code redis success-rate = 100 % over 15m}.
     */
    public record Kpi(String key, String text, String measure) {
    }

    /**
     * {@code escalation} is the plan's prose; {@code escalationRules} are the rules the console
     * evaluates over time (criteria grammar, docs/criteria.md), e.g.
     * {@code criterion vpc-connect-time still not met 2h after phase start}.
     */
    public record Phase(String key, String title, Severity priority, String ownerTeam, List<String> supportingTeams,
                        int windowStartMinutes, int windowEndMinutes, List<String> dependsOn, String rollback,
                        String escalation, List<String> validation, List<Task> tasks, List<Criterion> criteria,
                        List<String> escalationRules) {

        public Phase(String key, String title, Severity priority, String ownerTeam, List<String> supportingTeams,
                     int windowStartMinutes, int windowEndMinutes, List<String> dependsOn, String rollback,
                     String escalation, List<String> validation, List<Task> tasks, List<Criterion> criteria) {
            this(key, title, priority, ownerTeam, supportingTeams, windowStartMinutes, windowEndMinutes, dependsOn,
                    rollback, escalation, validation, tasks, criteria, List.of());
        }
    }

    /** {@code id} is unique across the runbook; {@code actionSpec} follows the remediation contract. */
    public record Task(String id, String text, String owner, @Nullable String command, @Nullable String actionSpec,
                       @Nullable String note) {
    }

    /**
     * {@code key} is stable within its phase; {@code probe} names the probe target it is about;
     * {@code measure}, when set, binds it to live probe data in the criteria grammar
     * (docs/criteria.md), e.g. {@code backend-health p95 < 1000 ms over 15m min 5}.
     */
    public record Criterion(String key, String text, @Nullable String probe, @Nullable String measure) {

        public Criterion(String key, String text, @Nullable String probe) {
            this(key, text, probe, null);
        }
    }
}
