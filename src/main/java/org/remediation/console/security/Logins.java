package org.remediation.console.security;

import java.time.Clock;
import java.util.Map;
import org.remediation.console.base.identity.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * How passwords are checked, per entrance: the sign-in form admits people only (the METRICS service
 * account's right password opens no session there); HTTP Basic on the actuator admits anyone whose
 * role the endpoint allows. Both go through the {@link LoginThrottle} first.
 */
@Component
class Logins {

    /** Refused at the form: a service account that holds only the metrics scrape. */
    static final class ServiceAccountRefused extends DisabledException {
        ServiceAccountRefused() {
            super("A service account cannot sign in to the console");
        }
    }

    private final UserDetailsService users;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final FailedLogins failures;
    private final Clock clock;

    Logins(UserDetailsService users, PasswordEncoder encoder, ApplicationEventPublisher events, LoginThrottle throttle,
           FailedLogins failures, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.events = events;
        this.throttle = throttle;
        this.failures = failures;
        this.clock = clock;
    }

    AuthenticationManager form() {
        DaoAuthenticationProvider provider = passwords();
        provider.setPostAuthenticationChecks(user -> {
            if (user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.METRICS)
                    || a.getAuthority().equals(ConsoleUserDetailsService.SERVICE_ACCOUNT))) {
                throw new ServiceAccountRefused();
            }
        });
        return manager(provider);
    }

    /**
     * HTTP Basic on the actuator. With local accounts off ({@code console.sso.local-accounts=false}) only
     * service accounts may use a password here: a person's old local password must not outlive the switch.
     */
    AuthenticationManager basic(boolean peopleToo) {
        DaoAuthenticationProvider provider = passwords();
        if (!peopleToo) {
            provider.setPostAuthenticationChecks(user -> {
                if (user.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals(ConsoleUserDetailsService.SERVICE_ACCOUNT))) {
                    throw new PasswordSignInOff("your identity provider; use an API token here");
                }
            });
        }
        return manager(provider);
    }

    private DaoAuthenticationProvider passwords() {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider;
    }

    private AuthenticationManager manager(DaoAuthenticationProvider provider) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(Map.of(ServiceAccountRefused.class, AuthenticationFailureDisabledEvent.class));
        ProviderManager manager = new ProviderManager(new ThrottledLogin(provider, throttle, failures, clock));
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }
}
