package org.remediation.console.security;

/** A token just created: {@code value} is shown this once and never stored. */
public record NewApiToken(ApiTokenSummary token, String value) {

    @Override
    public String toString() {
        return "NewApiToken[" + token + ", value=<hidden>]";
    }
}
