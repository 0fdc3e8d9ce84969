package org.remediation.console.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down instead of locking accounts (issue 16, item 6): a lock an outsider can
 * trigger lets them keep the commander out mid-outage. After {@code maxFailedLogins} failures a
 * further try waits 1 s, 2 s, 4 s … since the last failure, and is refused before its password is read:
 * <ul>
 * <li>per source address (IPv6 by /64), up to {@code maxBackoff} (15 min), whatever the accounts tried;
 * <li>per account, up to {@link #ACCOUNT_CAP}, but only at addresses that have themselves failed for
 *     that account, timed from their own last failure: a guesser cannot make the owner wait at an
 *     address the guesser never used, and cannot keep an address's wait going by failing elsewhere.
 * </ul>
 * Only existing accounts are tracked by name, so made-up names cannot evict real ones; a success clears
 * the account's strikes, never the address's. Strikes are forgotten an hour after the last failure. In
 * memory, per node, bounded: a restart forgets them (the failed logins are in the audit trail). What it
 * cannot stop: one try per account from each of many fresh addresses (docs/security.md).
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
    private final Map<String, Instant> pairFailed = bounded();

    LoginThrottle(SecurityProperties props) {
        this.free = props.maxFailedLogins();
        this.maxBackoff = props.maxBackoff();
    }

    /** How long this attempt must still wait (zero: check the password). */
    synchronized Duration waitFor(String account, @Nullable String address, Instant now) {
        String from = source(address);
        Duration wait = left(byAddress.get(from), maxBackoff, now);
        Instant pairLast = pairFailed.get(pair(account, from));
        Strikes forAccount = byAccount.get(account);
        if (pairLast != null && forAccount != null) {
            Duration pairWait = left(new Strikes(forAccount.count(), pairLast), ACCOUNT_CAP, now);
            wait = pairWait.compareTo(wait) > 0 ? pairWait : wait;
        }
        return wait;
    }

    /** A failed password; {@code known}: the name is an account (only those are tracked by name). */
    synchronized void failed(String account, boolean known, @Nullable String address, Instant now) {
        String from = source(address);
        byAddress.put(from, next(byAddress.get(from), now));
        if (known) {
            byAccount.put(account, next(byAccount.get(account), now));
            pairFailed.put(pair(account, from), now);
        }
    }

    synchronized void succeeded(String account, @Nullable String address) {
        byAccount.remove(account);
        pairFailed.remove(pair(account, source(address)));
    }

    /** The address a source is counted under: itself, or its /64 for IPv6 (one host holds a whole /64). */
    static String source(@Nullable String address) {
        if (address == null) {
            return "?";
        }
        try {
            // only a literal with ':' is parsed (IPv6: no DNS lookup happens for it)
            if (address.indexOf(':') >= 0 && InetAddress.getByName(address) instanceof Inet6Address v6) {
                return HexFormat.of().formatHex(Arrays.copyOf(v6.getAddress(), 8)) + "::/64";
            }
        } catch (java.net.UnknownHostException notALiteral) {
            // a proxy's forwarded value that is no address: counted as given
        }
        return address;
    }

    private static String pair(String account, String source) {
        return account + "\n" + source;
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
