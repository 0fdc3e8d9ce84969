package org.remediation.console.security;

/**
 * A sign-in through the provider that the console refuses: nothing is written for it but an audit event,
 * and the sign-in page shows the message.
 *
 * @see SsoAccounts
 */
final class SsoRefusal extends RuntimeException {

    private final String reason;

    /** @param reason a short code for the audit ({@code collision}, {@code disabled}, {@code unmapped}, ...) */
    SsoRefusal(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
