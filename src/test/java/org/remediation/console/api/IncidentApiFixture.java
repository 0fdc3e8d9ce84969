package org.remediation.console.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the incident API tests share: a small runbook, a token per role, and the rows an import would write. */
final class IncidentApiFixture {

    /**
     * Two phases (b depends on a), a measured and a manual criterion, a KPI; the en dash checks that the body
     * is read as UTF-8.
     */
    static final String RUNBOOK = """
            title: "API drill – connector saturated"
            severity: P1
            businessImpact: "Staging answers 503"
            kpis:
              - key: redis-ok
                text: "Redis connectivity 100 %"
                measure: "redis success-rate = 100 % over 15m"
            phases:
              - key: a
                title: "Phase A: scale"
                priority: P0
                owner: Infrastructure
                supporting: [Platform]
                window: { start: 0h, end: 1h30m }
                tasks:
                  - id: a1
                    text: "Scale the connector"
                    owner: Infrastructure
                    command: "gcloud compute networks vpc-access connectors describe staging-connector"
                criteria:
                  - key: fast
                    text: "Backend is fast"
                    probe: backend-health
                    measure: "backend-health p95 < 1000 ms over 10m min 3"
                  - key: qa
                    text: "QA passed"
              - key: b
                title: "Phase B: verify"
                priority: P1
                owner: Development
                window: { start: 1h30m, end: 3h }
                dependsOn: [a]
                tasks:
                  - id: b1
                    text: "Check the golden path"
                    owner: QA
            """;

    /** Demo users hold one role each; METRICS and REPORTER exist only as service accounts. */
    private static final Map<Role, String> DEMO = Map.of(Role.VIEWER, "viewer", Role.RESPONDER, "responder",
            Role.TEAM_LEAD, "lead", Role.OPERATOR, "operator", Role.COMMANDER, "commander", Role.ADMIN, "admin");

    private IncidentApiFixture() {
    }

    static String newKey() {
        return "API-" + ThreadLocalRandom.current().nextInt(1, 999_999_999);
    }

    /** A token for every role: the demo user's personal one, or a new service account's. */
    static Map<Role, String> tokens(ApiTokenService tokens, UserAdminService admin) {
        Map<Role, String> out = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String demo = DEMO.get(role);
            if (demo != null) {
                out.put(role, ApiCalls.tokenFor(tokens, demo, role));
            } else {
                String account = role.name().toLowerCase() + ThreadLocalRandom.current().nextInt(100_000, 999_999);
                As.user("admin", Role.ADMIN, () -> admin.createServiceAccount(account, "API test " + role, Set.of(role)));
                out.put(role, As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "test", null,
                        Set.of(role))).value());
            }
        }
        return out;
    }

    /**
     * Rows an import writes: the incident, its plan, criteria, escalation rules, people's timeline entries and
     * audit events. A refused token use is audited (token.use-denied), and background work ("system") may
     * write meanwhile, so neither is counted.
     */
    static long[] rows(JdbcTemplate jdbc) {
        return new long[] {count(jdbc, "select count(*) from incident"), count(jdbc, "select count(*) from incident_phase"),
                count(jdbc, "select count(*) from incident_task"), count(jdbc, "select count(*) from incident_criterion"),
                count(jdbc, "select count(*) from criterion"), count(jdbc, "select count(*) from escalation_rule"),
                count(jdbc, "select count(*) from incident_timeline where actor <> 'system'"),
                count(jdbc, "select count(*) from audit_event where action not like 'token.%' and actor <> 'system'")};
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
