package org.remediation.console.base.egress;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.SettingException;

/**
 * Where the console may connect on a user's behalf: every probe kind and webhooks. Link-local
 * addresses (169.254.0.0/16 and fe80::/10, where the cloud metadata server hands out the service
 * account's token) and unspecified ones (0.0.0.0/8 and ::, which reach the local host) are refused
 * always; {@code console.egress.deny} refuses more blocks; a non-empty {@code console.egress.allow}
 * admits only its blocks. Loopback is allowed by default: the demo probes the console's own port.
 *
 * <p>Checked on the address that is then connected to ({@link #resolve}), never on a name, so a name
 * that resolves elsewhere the second time (DNS rebinding) cannot slip past. IPv4 addresses embedded in
 * IPv6 (mapped, compatible, NAT64) are checked as IPv4. The console's own Google API calls are not
 * subject to it.
 */
public final class EgressPolicy {

    /** Only the blocks that are refused always. */
    public static final EgressPolicy DEFAULT = new EgressPolicy(List.of(), List.of());

    /** Link-local, unspecified, and metadata servers that live elsewhere (Google's IPv6 one, AWS's, Alibaba's). */
    private static final List<Cidr> ALWAYS_DENIED = List.of(block("169.254.0.0/16"), block("fe80::/10"),
            block("0.0.0.0/8"), block("::/128"), block("fd20:ce::254/128"), block("fd00:ec2::254/128"),
            block("100.100.100.200/32"));
    private static final List<Cidr> NAT64 = List.of(block("64:ff9b::/96"), block("64:ff9b:1::/48"));

    private final List<Cidr> allow;
    private final List<Cidr> deny;

    private EgressPolicy(List<Cidr> allow, List<Cidr> deny) {
        this.allow = List.copyOf(allow);
        this.deny = List.copyOf(deny);
    }

    /**
     * From the settings' comma-separated blocks; refuses the start with one line naming the setting
     * when a block is malformed.
     */
    public static EgressPolicy of(String allow, String deny) {
        return new EgressPolicy(blocks("console.egress.allow", allow), blocks("console.egress.deny", deny));
    }

    /** Resolves {@code host} once and checks the address that the caller then connects to. */
    public InetSocketAddress resolve(String host, int port) throws UnknownHostException, EgressDeniedException {
        InetAddress address = InetAddress.getByName(host);
        check(host, address);
        return new InetSocketAddress(address, port);
    }

    /** As {@link #resolve(String, int)} for a URL, on its port or its scheme's (443 for https and wss, else 80). */
    public InetSocketAddress resolve(java.net.URI url) throws UnknownHostException, EgressDeniedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = url.getPort() > 0 ? url.getPort() : scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
        return resolve(url.getHost(), port);
    }

    /** True when {@code host} is written as an address, not a name (which only DNS could place). */
    public static boolean isAddressLiteral(String host) {
        return Cidr.isLiteral(host);
    }

    /** Throws when the policy refuses {@code address} ({@code host}: the name it came from, for the message). */
    public void check(String host, InetAddress address) throws EgressDeniedException {
        String refusal = refusal(address);
        if (refusal != null) {
            String shown = host.equals(address.getHostAddress()) ? host : host + " (" + address.getHostAddress() + ")";
            throw new EgressDeniedException("Blocked by the console's egress policy: " + shown + " " + refusal);
        }
    }

    /** True when the policy lets the console connect to {@code address}. */
    public boolean allows(InetAddress address) {
        return refusal(address) == null;
    }

    /** The policy as one line, to hand to code that builds its own sockets (the PostgreSQL driver). */
    public String spec() {
        return join(allow) + "|" + join(deny);
    }

    /** The policy of {@link #spec()}. */
    public static EgressPolicy fromSpec(String spec) {
        int bar = spec.indexOf('|');
        return bar < 0 ? DEFAULT : of(spec.substring(0, bar), spec.substring(bar + 1));
    }

    private @Nullable String refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        byte[] v4 = embeddedIpv4(address);
        java.util.function.Predicate<Cidr> holds = c -> c.contains(bytes) || (v4 != null && c.contains(v4));
        for (Cidr c : ALWAYS_DENIED) {
            if (holds.test(c)) {
                return c.text().startsWith("0.") || c.text().startsWith("::/")
                        ? "is an unspecified address that reaches this machine; name the host instead"
                        : "is link-local or a cloud metadata server, which hands out the console's own credentials; "
                                + "the console never connects there for a probe or webhook";
            }
        }
        for (Cidr c : deny) {
            if (holds.test(c)) {
                return "is in " + c + ", which console.egress.deny refuses";
            }
        }
        if (!allow.isEmpty() && allow.stream().noneMatch(holds)) {
            return "is outside console.egress.allow (" + join(allow) + ")";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-compatible ({@code ::a.b.c.d}) or NAT64 ({@code 64:ff9b::a.b.c.d}) IPv6 address. */
    private static byte @Nullable [] embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address v6)) {
            return null;
        }
        byte[] b = v6.getAddress();
        // ::a.b.c.d, but not :: and ::1, which are the unspecified and loopback addresses themselves
        boolean compatible = v6.isIPv4CompatibleAddress() && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xFF) <= 1);
        return compatible || NAT64.stream().anyMatch(n -> n.contains(b)) ? Arrays.copyOfRange(b, 12, 16) : null;
    }

    private static List<Cidr> blocks(String property, String text) {
        List<Cidr> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Cidr c = Cidr.parse(part);
            if (c == null) {
                throw new SettingException(property, "'" + part.strip()
                        + "' is not an address block; write blocks like 10.0.0.0/8 or fd00::/8, separated by commas");
            }
            out.add(c);
        }
        return out;
    }

    private static String join(List<Cidr> blocks) {
        return blocks.stream().map(Cidr::text).collect(Collectors.joining(","));
    }

    private static Cidr block(String text) {
        Cidr c = Cidr.parse(text);
        if (c == null) {
            throw new IllegalArgumentException(text);
        }
        return c;
    }
}
