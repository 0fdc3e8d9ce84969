package org.remediation.console.api;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;

/**
 * One API token per role for the shared test context: the demo person holding the role, or a new
 * service account for METRICS and REPORTER (people hold neither).
 */
final class RoleTokens {

    private static final Map<Role, String> DEMO = Map.of(Role.VIEWER, "viewer", Role.RESPONDER, "responder",
            Role.TEAM_LEAD, "lead", Role.OPERATOR, "operator", Role.COMMANDER, "commander", Role.ADMIN, "admin");

    private final ApiTokenService tokens;
    private final UserAdminService users;
    private final Map<Role, String> issued = new ConcurrentHashMap<>();

    RoleTokens(ApiTokenService tokens, UserAdminService users) {
        this.tokens = tokens;
        this.users = users;
    }

    String of(Role role) {
        return issued.computeIfAbsent(role, this::issue);
    }

    private String issue(Role role) {
        String person = DEMO.get(role);
        if (person != null) {
            return ApiCalls.tokenFor(tokens, person, role);
        }
        String account = role.name().toLowerCase() + "-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        As.user("admin", Role.ADMIN, () -> users.createServiceAccount(account, "API test " + role, Set.of(role)));
        return As.user("admin", Role.ADMIN, () -> tokens.createForServiceAccount(account, "api-test", null,
                Set.of(role))).value();
    }
}
