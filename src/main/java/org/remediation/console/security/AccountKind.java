package org.remediation.console.security;

/** A person signs in; a service account (CI, the Prometheus scrape) only ever acts through its tokens. */
public enum AccountKind {
    PERSON,
    SERVICE
}
