package org.remediation.console.base.ui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.remediation.console.security.Role;

/** One table of which navigation entries each role sees; updated as views are added. */
final class NavigationExpectations {

    private NavigationExpectations() {
    }

    static Map<Role, List<String>> byRole() {
        Map<Role, List<String>> m = new EnumMap<>(Role.class);
        m.put(Role.VIEWER, List.of("Board", "Timeline", "Probes", "Actions", "Resources", "API tokens"));
        m.put(Role.RESPONDER, List.of("Board", "Timeline", "Probes", "Actions", "Resources", "API tokens"));
        m.put(Role.TEAM_LEAD, List.of("Board", "Timeline", "Probes", "Actions", "Resources", "API tokens"));
        m.put(Role.OPERATOR, List.of("Board", "Timeline", "Probes", "Actions", "New action", "Approvals",
                "Resources", "API tokens"));
        m.put(Role.COMMANDER, List.of("Board", "Timeline", "Runbooks", "Probes", "Actions", "New action",
                "Approvals", "Resources", "Audit", "API tokens"));
        m.put(Role.ADMIN, List.of("Board", "Timeline", "Probes", "Actions", "Resources", "Users", "Service accounts",
                "Teams", "Probe targets", "Sandbox", "Google Cloud", "Audit", "API tokens"));
        return m;
    }
}
