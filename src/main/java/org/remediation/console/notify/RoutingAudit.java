package org.remediation.console.notify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.audit.AuditEvent;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes come from configuration, so a change shows up at start: when the routing table or the retry
 * policy differs from the last audited one, it is audited as {@code notify.routes.configured} by the
 * system actor. URLs are recorded as scheme and host plus a fingerprint, because webhook paths usually
 * carry a token. (Before ADR 0008 only the probe webhooks were audited, as {@code probe.webhooks.configured};
 * those events stay in the trail.)
 */
@Component
class RoutingAudit {

    static final String ACTION = "notify.routes.configured";
    static final String PREVIOUS_ACTION = "probe.webhooks.configured";

    private final Routing routing;
    private final AuditService audit;

    RoutingAudit(Routing routing, AuditService audit) {
        this.routing = routing;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void auditIfChanged() {
        Map<String, Object> details = details(routing);
        String fingerprint = (String) details.get("fingerprint");
        SystemActor.run(() -> {
            List<AuditEvent> last = audit.find(new AuditFilter(null, ACTION, null, null, null), 0, 1);
            boolean unchanged;
            if (last.isEmpty()) {
                // Nothing audited under the new name yet: an empty table is news only if webhooks were audited before.
                unchanged = routing.routes().isEmpty()
                        && audit.find(new AuditFilter(null, PREVIOUS_ACTION, null, null, null), 0, 1).isEmpty();
            } else {
                unchanged = last.getFirst().details().contains(fingerprint);
            }
            if (!unchanged) {
                audit.append(SystemActor.NAME, ACTION, "notify:routes", details);
            }
        });
    }

    static Map<String, Object> details(Routing routing) {
        Map<String, Object> details = new TreeMap<>();
        List<Route> routes = routing.routes();
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            String p = "route." + i + ".";
            details.put(p + "origin", r.origin());
            details.put(p + "url", Redaction.url(r.url().toString()));
            details.put(p + "format", r.format().key());
            details.put(p + "match", match(r));
        }
        WebhookPoster.Policy policy = routing.policy();
        details.put("retry", "attempts=" + policy.attempts() + ", initial-backoff=" + policy.initialBackoff()
                + ", max-backoff=" + policy.maxBackoff() + ", timeout=" + policy.timeout());
        details.put("fingerprint", Redaction.fingerprint(details.toString()));
        return details;
    }

    private static String match(Route r) {
        StringBuilder s = new StringBuilder();
        append(s, "sources", r.sources().stream().map(Notification.Source::key).sorted().toList());
        append(s, "groups", r.groups().stream().sorted().toList());
        append(s, "rules", r.rules().stream().sorted().toList());
        append(s, "severities", r.severities().stream().sorted().toList());
        if (r.fallback()) {
            s.append(s.isEmpty() ? "" : "; ").append("fallback");
        }
        return s.isEmpty() ? "any" : s.toString();
    }

    private static void append(StringBuilder s, String name, List<String> values) {
        if (!values.isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append(name).append('=').append(String.join(",", values));
        }
    }
}
