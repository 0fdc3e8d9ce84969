package org.remediation.console.base.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** An address block such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
record Cidr(byte[] network, int prefix, String text) {

    /** Dotted decimal IPv4 or IPv6 with a colon: never a name such as {@code dead.beef}, which would need DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** Parses a block; a bare address is a block of one. Null when the text is no block. */
    static @org.jspecify.annotations.Nullable Cidr parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        if (address.isEmpty() || !isLiteral(address)) {
            return null; // never a name: a block must not depend on DNS
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(t.substring(slash + 1));
            return prefix < 0 || prefix > bytes.length * 8 ? null : new Cidr(bytes, prefix, t);
        } catch (UnknownHostException | NumberFormatException e) {
            return null;
        }
    }

    static boolean isLiteral(String text) {
        return LITERAL.matcher(text).matches();
    }

    boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
