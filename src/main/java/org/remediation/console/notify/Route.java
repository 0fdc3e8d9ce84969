package org.remediation.console.notify;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A checked route: where ({@code url}, {@code format}) and what (the matchers; empty means any).
 * Matchers hold lower-case values except groups, which match exactly as targets spell them.
 *
 * @param origin the property that configured it, e.g. {@code console.notify.routes[0]} (for logs and the audit)
 */
record Route(String origin, URI url, Format format, Set<Notification.Source> sources, Set<String> groups,
             Set<String> rules, Set<String> severities, boolean fallback) {

    boolean matches(Notification n) {
        return (sources.isEmpty() || sources.contains(n.source()))
                && (groups.isEmpty() || groups.contains(n.group()))
                && anyOrContains(rules, n.rule())
                && anyOrContains(severities, n.severity());
    }

    private static boolean anyOrContains(Set<String> values, @Nullable String value) {
        return values.isEmpty() || value != null && values.contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
