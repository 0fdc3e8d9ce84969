package org.remediation.console.security;

import org.remediation.console.base.identity.SystemActor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.remediation.console.audit.AuditService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Audits logins, failed logins and logouts, and locks an account after repeated failures. */
@Component
class LoginAuditor {

    private final UserRepository users;
    private final AuditService audit;
    private final SecurityProperties props;
    private final Clock clock;

    LoginAuditor(UserRepository users, AuditService audit, SecurityProperties props, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onLogin(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        users.lockUntil(username, null);
        record(username, "login.succeeded", username, details(event.getAuthentication(), null));
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        boolean known = users.incrementFailures(username) > 0;
        record(username, "login.failed", username,
                details(event.getAuthentication(), known ? "wrong password" : "unknown user"));
        int failures = users.failures(username).orElse(0);
        if (known && failures >= props.maxFailedLogins()) {
            users.lockUntil(username, clock.instant().plus(props.lockout()));
            record(SystemActor.NAME, "user.locked", username, Map.of(
                    "reason", failures + " failed logins in a row", "lockedFor", props.lockout().toString()));
        }
    }

    @EventListener({AuthenticationFailureLockedEvent.class, AuthenticationFailureDisabledEvent.class})
    @Transactional
    public void onRefused(AbstractAuthenticationFailureEvent event) {
        String username = event.getAuthentication().getName();
        String why = event instanceof AuthenticationFailureLockedEvent ? "account locked" : "account disabled";
        record(username, "login.refused", username, details(event.getAuthentication(), why));
    }

    @EventListener
    @Transactional
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
