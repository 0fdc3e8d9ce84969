package org.remediation.console.criteria;

import java.util.List;

/**
 * The #1278 write-ups' infrastructure KPIs, bound to the demo probe targets. The demo seed defines
 * them with {@code CriteriaService.defineCriteria(incidentKey, null, SeedKpis.ISSUE_1278)}.
 */
public final class SeedKpis {

    /** Agent execution < 30 s, database response < 500 ms, Redis connectivity 100 %, golden path ≥ 95 %. */
    public static final List<CriterionDefinition> ISSUE_1278 = List.of(
            new CriterionDefinition("agent-execution", "Agent execution < 30 s",
                    "agent-response p95 < 30000 ms over 15m"),
            new CriterionDefinition("database-response", "Database response < 500 ms",
                    "database p95 < 500 ms over 15m"),
            new CriterionDefinition("redis-connectivity", "Redis connectivity 100 %",
                    "redis success-rate = 100 % over 15m"),
            new CriterionDefinition("golden-path", "Golden path completion ≥ 95 %",
                    "golden-path all success-rate >= 95 % over 15m"));

    private SeedKpis() {
    }
}
