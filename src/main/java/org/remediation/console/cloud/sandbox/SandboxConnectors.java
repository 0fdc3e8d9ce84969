package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules Serverless VPC Access applies when a connector is created: the id pattern Google's
 * error quotes, an unused /28 in the network (https://cloud.google.com/vpc/docs/configure-serverless-vpc-access),
 * instances 2–9 / 3–10 with min below max, and the three machine types.
 */
final class SandboxConnectors {

    static final Pattern ID = Pattern.compile("^[a-z][-a-z0-9]{0,23}[a-z0-9]$");
    private static final Pattern RANGE = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}/28");

    private SandboxConnectors() {
    }

    /** Why Google would refuse creating this connector, or null. {@code others}: existing connectors' attributes. */
    static @Nullable String refusal(String name, Map<String, String> wanted, List<Map<String, String>> others) {
        if (!ID.matcher(name).matches()) {
            return "Connector ID must follow the pattern " + ID.pattern();
        }
        String range = wanted.getOrDefault(IP_CIDR_RANGE, "");
        if (!RANGE.matcher(range).matches()) {
            return "ip_cidr_range must be a /28 range such as 10.8.0.0/28 (got '" + range + "')";
        }
        for (Map<String, String> other : others) {
            if (other.getOrDefault(NETWORK, "").equals(wanted.get(NETWORK))
                    && overlaps(other.getOrDefault(IP_CIDR_RANGE, ""), range)) {
                return "ip_cidr_range " + range + " overlaps the range " + other.get(IP_CIDR_RANGE) + " of another connector";
            }
        }
        int min = num(wanted.get(MIN_INSTANCES));
        int max = num(wanted.get(MAX_INSTANCES));
        if (min < 2 || min > 9 || max < 3 || max > 10 || min >= max) {
            return "instances must be min 2–9 and max 3–10 with min below max (got " + min + "–" + max + ")";
        }
        if (!List.of("f1-micro", "e2-micro", "e2-standard-4").contains(wanted.getOrDefault(MACHINE_TYPE, ""))) {
            return "machine_type must be one of f1-micro, e2-micro, e2-standard-4";
        }
        return null;
    }

    static boolean overlaps(String a, String b) {
        long[] x = cidr(a);
        long[] y = cidr(b);
        return x != null && y != null && x[0] <= y[1] && y[0] <= x[1];
    }

    private static long @Nullable [] cidr(String text) {
        String[] parts = text.split("/");
        try {
            long ip = 0;
            for (String octet : parts[0].split("\\.")) {
                ip = ip * 256 + Long.parseLong(octet);
            }
            long size = 1L << (32 - Integer.parseInt(parts[1]));
            long start = ip & ~(size - 1);
            return new long[] {start, start + size - 1};
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int num(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
