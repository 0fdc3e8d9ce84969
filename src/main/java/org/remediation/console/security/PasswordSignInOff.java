package org.remediation.console.security;

import org.springframework.security.authentication.AuthenticationServiceException;

/** A password posted while local accounts are off ({@code console.sso.local-accounts=false}). */
public final class PasswordSignInOff extends AuthenticationServiceException {

    PasswordSignInOff(String provider) {
        super("Password sign-in is switched off: sign in with " + provider + ".");
    }
}
