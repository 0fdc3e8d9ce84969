package org.remediation.console.base.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * On a feature's service class: every method needs a signed-in caller (a person, or background
 * work running as {@link SystemActor}) that is not the metrics service account. Reads need nothing
 * more; methods that change state add {@code @RolesAllowed}. See docs/adr/0009-access-rule-and-domain-events.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("isAuthenticated() and !hasRole('" + Roles.METRICS + "')")
public @interface SignedIn {
}
