package org.remediation.console.security;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks the {@link LoginThrottle} before a password is checked (bcrypt's cost is the guesser's too). */
final class ThrottledLogin implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final FailedLogins failures;
    private final Clock clock;

    ThrottledLogin(AuthenticationProvider delegate, LoginThrottle throttle, FailedLogins failures, Clock clock) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.failures = failures;
        this.clock = clock;
    }

    static @Nullable String address(Authentication a) {
        return a.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    /** No account has a longer name; longer input is a failure at once, and never kept by name. */
    static final int MAX_NAME = 64;

    @Override
    public Authentication authenticate(Authentication a) {
        if (a.getName().length() > MAX_NAME) {
            throw new org.springframework.security.authentication.BadCredentialsException("no account has so long a name");
        }
        Duration wait = throttle.waitFor(a.getName(), address(a), clock.instant());
        if (!wait.isZero()) {
            failures.count(a.getName(), null, address(a), "throttled");
            throw new LoginThrottled(wait);
        }
        return delegate.authenticate(a);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
