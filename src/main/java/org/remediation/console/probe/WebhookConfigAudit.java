package org.remediation.console.probe;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.audit.AuditEvent;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.security.Role;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Webhook URLs come from configuration, so a change shows up at start: when the configuration
 * differs from the last audited one, it is audited as {@code probe.webhooks.configured}. URLs are
 * recorded as scheme and host plus a fingerprint, because webhook paths usually carry a token.
 */
@Component
class WebhookConfigAudit {

    static final String ACTION = "probe.webhooks.configured";

    private final ProbeProperties properties;
    private final AuditService audit;

    WebhookConfigAudit(ProbeProperties properties, AuditService audit) {
        this.properties = properties;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void auditIfChanged() {
        Map<String, Object> details = new TreeMap<>();
        properties.notifications().webhooks().forEach((group, url) -> details.put("webhook." + group, redact(url)));
        details.put("retries", properties.notifications().retries());
        details.put("backoff", properties.notifications().backoff().toString());
        String fingerprint = fingerprint(details.toString());
        details.put("fingerprint", fingerprint);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.ADMIN.name()))));
        SecurityContextHolder.setContext(context);
        try {
            List<AuditEvent> last = audit.find(new AuditFilter(null, ACTION, null, null, null), 0, 1);
            boolean unchanged = last.isEmpty() ? properties.notifications().webhooks().isEmpty()
                    : last.getFirst().details().contains(fingerprint);
            if (!unchanged) {
                audit.append("system", ACTION, "probe:webhooks", details);
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static String redact(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/… #" + fingerprint(url);
        } catch (IllegalArgumentException e) {
            return "(unreadable URL) #" + fingerprint(url);
        }
    }

    static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
