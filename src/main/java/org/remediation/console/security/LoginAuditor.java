package org.remediation.console.security;

import org.remediation.console.base.identity.SystemActor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.remediation.console.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits sign-ins and sign-outs; failed and refused ones go to {@link FailedLogins} (compact) and feed
 * the {@link LoginThrottle}. No account is ever locked by failures.
 */
@Component
class LoginAuditor {

    private final UserRepository users;
    private final AuditService audit;
    private final LoginThrottle throttle;
    private final FailedLogins failures;
    private final Clock clock;

    LoginAuditor(UserRepository users, AuditService audit, LoginThrottle throttle, FailedLogins failures, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.throttle = throttle;
        this.failures = failures;
        this.clock = clock;
    }

    @EventListener
    public void onLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        record(username, "login.succeeded", username, details(event.getAuthentication(), null));
    }

    /** Any success, the Prometheus scrape's HTTP Basic too: the address is known to the account from now on. */
    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName(), ThrottledLogin.address(event.getAuthentication()));
    }

    @EventListener
    @Transactional(readOnly = true)
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        Authentication auth = event.getAuthentication();
        boolean known = users.existsByUsername(auth.getName());
        throttle.failed(auth.getName(), known, ThrottledLogin.address(auth), clock.instant());
        failures.count(auth.getName(), known, ThrottledLogin.address(auth), known ? "wrong password" : "unknown user");
    }

    @EventListener
    public void onRefused(AuthenticationFailureDisabledEvent event) {
        String why = event.getException() instanceof Logins.ServiceAccountRefused ? "metrics service account: no sign-in"
                : "account disabled";
        failures.count(event.getAuthentication().getName(), true, ThrottledLogin.address(event.getAuthentication()), why);
    }

    @EventListener
    public void onLogout(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        record(username, "logout", username, Map.of());
    }

    /**
     * Login events come before anyone is signed in: the audit write runs as the system, naming the user.
     * The name is whatever was typed into the login form: control characters go and it is cut to 64
     * characters, so an attacker's name can neither forge lines in a log or CSV nor overflow the
     * column (a 500, issue 16).
     */
    private void record(String actor, String action, String username, Map<String, ?> details) {
        SystemActor.run(() -> audit.append(shown(actor), action, "user:" + shown(username), details));
    }

    static String shown(String typed) {
        String clean = typed.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "?"); // controls, NEL, bidi overrides, line separators
        return clean.length() <= 64 ? clean : clean.substring(0, 63) + "…";
    }

    private static Map<String, String> details(Authentication auth, @org.jspecify.annotations.Nullable String why) {
        Map<String, String> details = new LinkedHashMap<>();
        if (auth.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            details.put("remoteAddress", web.getRemoteAddress());
        }
        if (why != null) {
            details.put("reason", why);
        }
        return details;
    }
}
