package org.remediation.console.remediation;

import org.jspecify.annotations.Nullable;

/**
 * History filters; null means "any". {@code text} matches resource, requester or reason;
 * {@code incidentKey} is the incident the action was requested for.
 */
public record ActionFilter(@Nullable ActionStatus status, @Nullable ActionKind kind, @Nullable String text,
                           @Nullable String incidentKey) {

    public ActionFilter(@Nullable ActionStatus status, @Nullable ActionKind kind, @Nullable String text) {
        this(status, kind, text, null);
    }

    public static ActionFilter all() {
        return new ActionFilter(null, null, null, null);
    }
}
