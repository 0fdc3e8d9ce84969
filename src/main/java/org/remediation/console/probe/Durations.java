package org.remediation.console.probe;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Durations as people write them in forms and YAML: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}. */
public final class Durations {

    private static final Pattern TEXT = Pattern.compile("\\s*(-?\\d+)\\s*(ms|s|m|h)?\\s*");

    private Durations() {
    }

    /** Parses the text; a bare number means seconds. Returns null when it cannot be read. */
    public static @Nullable Duration parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms != 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
