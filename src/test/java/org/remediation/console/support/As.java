package org.remediation.console.support;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.remediation.console.security.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Runs service calls as a given user, the way a signed-in request would. */
public final class As {

    private As() {
    }

    public static void user(String username, Role role, Runnable call) {
        user(username, new Role[] {role}, () -> {
            call.run();
            return null;
        });
    }

    public static <T> T user(String username, Role[] roles, Supplier<T> call) {
        var previous = SecurityContextHolder.getContext();
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                new UsernamePasswordAuthenticationToken(new User(username, "", authorities), null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return call.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static <T> T user(String username, Role role, Supplier<T> call) {
        return user(username, new Role[] {role}, call);
    }

    /** A read as a signed-in user with no rights beyond reading (services need a signed-in caller). */
    public static <T> T viewer(Supplier<T> read) {
        return user("viewer", Role.VIEWER, read);
    }
}
