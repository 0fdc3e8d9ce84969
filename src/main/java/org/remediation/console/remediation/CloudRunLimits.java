package org.remediation.console.remediation;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Cloud Run's documented CPU and memory rules, as small pure functions. */
final class CloudRunLimits {

    private static final Pattern MEMORY = Pattern.compile("(\\d+)(Mi|Gi)");
    static final String MEMORY_RANGE = "128Mi to 32Gi, written like 512Mi or 4Gi";
    static final String CPU_RANGE = "0.08 to 1 (fractions allowed), or 1, 2, 4, 6 or 8";

    private CloudRunLimits() {
    }

    /** Memory in MiB, or null when the text is not valid Kubernetes notation within range. */
    static @Nullable Integer memoryMib(String text) {
        Matcher m = MEMORY.matcher(text.trim());
        if (!m.matches() || m.group(1).length() > 6) {
            return null;
        }
        int amount = Integer.parseInt(m.group(1));
        int mib = m.group(2).equals("Gi") ? amount * 1024 : amount;
        return mib >= 128 && mib <= 32 * 1024 ? mib : null;
    }

    /** CPU as a number, or null when not an allowed value. */
    static @Nullable BigDecimal cpu(String text) {
        try {
            BigDecimal cpu = new BigDecimal(text.trim());
            if (cpu.compareTo(new BigDecimal("0.08")) >= 0 && cpu.compareTo(BigDecimal.ONE) <= 0) {
                return cpu;
            }
            return switch (cpu.stripTrailingZeros().toPlainString()) {
                case "2", "4", "6", "8" -> cpu;
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The least CPU this much memory needs. */
    static BigDecimal minimumCpuFor(int memoryMib) {
        if (memoryMib > 24 * 1024) {
            return new BigDecimal(8);
        }
        if (memoryMib > 16 * 1024) {
            return new BigDecimal(6);
        }
        if (memoryMib > 8 * 1024) {
            return new BigDecimal(4);
        }
        if (memoryMib > 4 * 1024) {
            return new BigDecimal(2);
        }
        if (memoryMib > 512) {
            return new BigDecimal("0.5");
        }
        return new BigDecimal("0.08");
    }
}
