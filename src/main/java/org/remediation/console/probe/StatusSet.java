package org.remediation.console.probe;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Expected HTTP status codes written as {@code 200}, {@code 200-299} or {@code 200,204,300-399}. */
record StatusSet(List<int[]> ranges) {

    static @Nullable StatusSet parse(String text) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.strip();
            try {
                int dash = t.indexOf('-');
                int lo = Integer.parseInt(dash < 0 ? t : t.substring(0, dash).strip());
                int hi = dash < 0 ? lo : Integer.parseInt(t.substring(dash + 1).strip());
                if (lo < 100 || hi > 599 || lo > hi) {
                    return null;
                }
                ranges.add(new int[] {lo, hi});
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ranges.isEmpty() ? null : new StatusSet(ranges);
    }

    boolean contains(int status) {
        return ranges.stream().anyMatch(r -> status >= r[0] && status <= r[1]);
    }
}
