package org.remediation.console.remediation;

import org.jspecify.annotations.Nullable;

/** History filters; null means "any". {@code text} matches resource, requester or reason. */
public record ActionFilter(@Nullable ActionStatus status, @Nullable ActionKind kind, @Nullable String text) {

    public static ActionFilter all() {
        return new ActionFilter(null, null, null);
    }
}
