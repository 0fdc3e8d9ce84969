package org.remediation.console.base.identity;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, read from the security context of the current thread. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<String> username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    public static String usernameOr(String fallback) {
        return username().orElse(fallback);
    }

    /** The signed-in user's name; fails loudly where a service is reached without one. */
    public static String require() {
        return username().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException(
                "You are not signed in."));
    }

    /** The authority every service account's sign-in carries (a token or HTTP Basic), never a person's. */
    public static final String SERVICE_ACCOUNT = "KIND_SERVICE";

    /** True when the caller is a service account (CI, a scrape, a reporter), not a person. */
    public static boolean isServiceAccount() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> SERVICE_ACCOUNT.equals(a.getAuthority()));
    }

    public static boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
