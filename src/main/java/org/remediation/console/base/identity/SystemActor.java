package org.remediation.console.base.identity;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs internal work (seeding, binding a plan's criteria when an incident opens, reacting to probe
 * results) as the "system" actor with the roles that work needs. Only code paths that have already
 * checked their human caller, or that no human triggers, may use it; the audit trail names
 * "system" as the actor.
 */
public final class SystemActor {

    public static final String NAME = "system";

    private SystemActor() {
    }

    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(NAME, null,
                AuthorityUtils.createAuthorityList("ROLE_" + Roles.ADMIN, "ROLE_" + Roles.COMMANDER)));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
