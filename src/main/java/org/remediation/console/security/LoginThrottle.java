package org.remediation.console.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down instead of locking accounts (issue 16, item 6): a lock an outsider can
 * trigger lets them keep the commander out mid-outage. After {@code maxFailedLogins} failures, each
 * further attempt waits 1 s, 2 s, 4 s … since the last failure:
 * <ul>
 * <li>per source address, up to {@code maxBackoff} (15 min): one guesser slows to a crawl;
 * <li>per account, up to {@link #ACCOUNT_CAP}, and only for addresses that never signed in to that
 *     account: guessing from many addresses slows to one try a minute, while the account's owner at
 *     a known address is not slowed by strangers.
 * </ul>
 * Strikes are forgotten an hour after the last failure. Kept in memory, per node and bounded: a
 * restart forgets them (the failed logins themselves are in the audit trail).
 */
@Component
class LoginThrottle {

    static final Duration ACCOUNT_CAP = Duration.ofMinutes(1);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 20_000;

    private record Strikes(int count, Instant last) {
    }

    private final int free;
    private final Duration maxBackoff;
    private final Map<String, Strikes> byAddress = bounded();
    private final Map<String, Strikes> byAccount = bounded();
    private final Map<String, Set<String>> knownAddresses = bounded();

    LoginThrottle(SecurityProperties props) {
        this.free = props.maxFailedLogins();
        this.maxBackoff = props.maxBackoff();
    }

    /** How long this attempt must still wait (zero: check the password). */
    synchronized Duration waitFor(String account, @Nullable String address, Instant now) {
        Duration wait = address == null ? Duration.ZERO : left(byAddress.get(address), maxBackoff, now);
        if (address == null || !knownAddresses.getOrDefault(account, Set.of()).contains(address)) {
            Duration forAccount = left(byAccount.get(account), ACCOUNT_CAP, now);
            wait = forAccount.compareTo(wait) > 0 ? forAccount : wait;
        }
        return wait;
    }

    synchronized void failed(String account, @Nullable String address, Instant now) {
        if (address != null) {
            byAddress.put(address, next(byAddress.get(address), now));
        }
        byAccount.put(account, next(byAccount.get(account), now));
    }

    synchronized void succeeded(String account, @Nullable String address) {
        byAccount.remove(account);
        if (address != null) {
            byAddress.remove(address);
            knownAddresses.computeIfAbsent(account, a -> new HashSet<>()).add(address);
        }
    }

    private static Strikes next(@Nullable Strikes s, Instant now) {
        boolean stale = s == null || Duration.between(s.last(), now).compareTo(FORGET_AFTER) > 0;
        return new Strikes(stale ? 1 : s.count() + 1, now);
    }

    private Duration left(@Nullable Strikes s, Duration cap, Instant now) {
        if (s == null || s.count() < free || Duration.between(s.last(), now).compareTo(FORGET_AFTER) > 0) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(30, s.count() - free));
        Duration until = Duration.between(now, s.last().plus(delay.compareTo(cap) > 0 ? cap : delay));
        return until.isNegative() ? Duration.ZERO : until;
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
