package org.remediation.console.security;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed logins, recorded compactly (issue 16, item 6): one audit event per account per minute with
 * a count, the reasons and up to five source addresses; names that are no account share one event
 * per minute with up to five of the names tried, and so do attempts refused by the throttle. A guesser's thousand attempts are a row a minute,
 * not a thousand rows under the chain's lock. A crash loses at most the last minute's counts.
 */
@Component
class FailedLogins {

    static final String UNKNOWN = "(unknown names)";
    static final String THROTTLED = "(throttled)";
    private static final int SAMPLES = 5;

    private static final class Tally {
        int count;
        final Map<String, Integer> reasons = new TreeMap<>();
        final TreeSet<String> addresses = new TreeSet<>();
        final TreeSet<String> names = new TreeSet<>();
    }

    private final AuditService audit;
    private Map<String, Tally> pending = new LinkedHashMap<>();

    FailedLogins(AuditService audit) {
        this.audit = audit;
    }

    /**
     * Counts one failure. {@code known}: whether the name is an account; null when it was not looked up
     * (a throttled attempt): those share one event a minute too, whatever names they typed.
     */
    synchronized void count(String typed, @Nullable Boolean known, @Nullable String address, String reason) {
        String key = known == null ? THROTTLED : known ? LoginAuditor.shown(typed) : UNKNOWN;
        Tally t = pending.computeIfAbsent(key, k -> new Tally());
        t.count++;
        t.reasons.merge(reason, 1, Integer::sum);
        if (address != null && t.addresses.size() < SAMPLES) {
            t.addresses.add(address);
        }
        if ((key.equals(UNKNOWN) || key.equals(THROTTLED)) && t.names.size() < SAMPLES) {
            t.names.add(LoginAuditor.shown(typed));
        }
    }

    @Scheduled(fixedDelayString = "${console.security.failed-login-flush:60s}")
    @PreDestroy
    void flush() {
        Map<String, Tally> due;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            due = pending;
            pending = new LinkedHashMap<>();
        }
        due.forEach((account, t) -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("count", t.count);
            details.put("reasons", t.reasons.toString());
            details.put("addresses", String.join(", ", t.addresses));
            if (!t.names.isEmpty()) {
                details.put("names", String.join(", ", new ArrayList<>(t.names)));
            }
            String actor = account.equals(UNKNOWN) || account.equals(THROTTLED) ? SystemActor.NAME : account;
            SystemActor.run(() -> audit.append(actor, "login.failed", "user:" + account, details));
        });
    }
}
