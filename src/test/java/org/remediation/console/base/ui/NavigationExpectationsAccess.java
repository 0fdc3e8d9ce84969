package org.remediation.console.base.ui;

import java.util.List;
import org.remediation.console.security.Role;

/** Lets tests in other packages read the one navigation table. */
public final class NavigationExpectationsAccess {

    private NavigationExpectationsAccess() {
    }

    public static List<String> forRole(Role role) {
        return NavigationExpectations.byRole().get(role);
    }
}
