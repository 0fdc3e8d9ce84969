package org.remediation.console.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A result's measurements as stored JSON that fits its column and always parses: when too long, the
 * longest text values (a metric probe's raw answer, its series list) are dropped first and
 * {@code "shortened": true} is added, instead of cutting the JSON mid-value, which made the whole row
 * unreadable to window statistics and the warm-up after a restart.
 */
final class MeasurementsText {

    private MeasurementsText() {
    }

    static String of(Map<String, Object> measurements, int maxChars) {
        String json = Json.write(measurements);
        if (json.length() <= maxChars) {
            return json;
        }
        Map<String, Object> kept = new LinkedHashMap<>(measurements);
        kept.put("shortened", true);
        List<String> bulky = new ArrayList<>(kept.keySet().stream().filter(k -> !(kept.get(k) instanceof Number)
                && !(kept.get(k) instanceof Boolean)).toList());
        bulky.sort(Comparator.comparingInt((String k) -> Json.write(kept.get(k)).length()).reversed());
        for (String k : bulky) {
            kept.remove(k);
            json = Json.write(kept);
            if (json.length() <= maxChars) {
                return json;
            }
        }
        // Only numbers left and still too long: keep the ones that fit, in order.
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("shortened", true);
        for (Map.Entry<String, Object> e : kept.entrySet()) {
            numbers.put(e.getKey(), e.getValue());
            if (Json.write(numbers).length() > maxChars) {
                numbers.remove(e.getKey());
                break;
            }
        }
        return Json.write(numbers);
    }
}
