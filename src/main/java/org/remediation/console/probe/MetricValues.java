package org.remediation.console.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;

/**
 * What both metric kinds ({@link ProbeKind#GCP_METRIC}, {@link ProbeKind#PROMETHEUS}) share: the
 * settings that turn a read's series into the run's one value, and the result built from them. The
 * run's value is stored under {@link ProbeResult#METRIC_VALUE}; window statistics read it where
 * other kinds have their latency, so {@code connector-cpu max < 70 % over 15m} is judged like a
 * latency, failed reads on the failing side.
 *
 * <p>Settings: {@code unit} (what the value is in, checked against criteria thresholds), {@code scale}
 * (a multiplier applied to every series, e.g. 100 for a 0–1 ratio read as %), {@code across}
 * ({@code max}, {@code min}, {@code sum} or {@code mean}: how several series make the run's value;
 * required when a read returns several), {@code emptyAs} ({@code fail}, the default:
 * no series is a failed run; {@code zero}: no series means nothing happened, for counts of errors).
 */
final class MetricValues {

    static final Set<String> SHARED = Set.of("unit", "scale", "across", "emptyAs");
    /** Raw answers are kept this long in a result (the detail view shows them, the database stores them). */
    static final int RAW_CHARS = 600;
    static final int SERIES_SHOWN = 12;

    enum Across { MAX, MIN, SUM, MEAN }

    /** One series as read: its labels and value, before scaling. */
    record Point(Map<String, String> labels, double value) {
    }

    private MetricValues() {
    }

    static void validate(Map<String, String> s, Problems p) {
        String unit = s.get("unit");
        p.check(unit == null || unit.strip().length() <= 20, SettingRules.field("unit"),
                "A unit is a short word such as %, ms, req or By (at most 20 characters).");
        String scale = s.get("scale");
        if (scale != null && !scale.isBlank()) {
            try {
                double v = Double.parseDouble(scale.strip());
                p.check(Double.isFinite(v) && v != 0, SettingRules.field("scale"), "The scale must be a number other than 0.");
            } catch (NumberFormatException e) {
                p.add(SettingRules.field("scale"), "'" + scale.strip() + "' is not a number (e.g. 100 to read a 0–1 ratio as %).");
            }
        }
        p.check(scale == null || scale.isBlank() || (s.get("unit") != null && !s.get("unit").isBlank()),
                SettingRules.field("unit"), "A scaled value needs its unit (e.g. scale: 100 with unit: %), or it would be"
                        + " shown and judged in the unit of the unscaled answer.");
        String across = s.get("across");
        p.check(across == null || across.isBlank() || across(across) != null, SettingRules.field("across"),
                "How several series make one value: max, min, sum or mean.");
        String empty = s.get("emptyAs");
        p.check(empty == null || empty.isBlank() || empty.strip().equalsIgnoreCase("fail") || empty.strip().equalsIgnoreCase("zero"),
                SettingRules.field("emptyAs"), "What an answer without series means: fail (the default) or zero.");
    }

    static @Nullable Across across(String text) {
        try {
            return Across.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean emptyIsZero(ProbeRequest req) {
        return emptyIsZero(req.settings());
    }

    static boolean emptyIsZero(Map<String, String> settings) {
        String v = settings.get("emptyAs");
        return v != null && v.strip().equalsIgnoreCase("zero");
    }

    /**
     * The result of one read: UP with the run's value, or DOWN when the answer holds no series (unless
     * {@code emptyAs: zero}) or a value that is not a number. Query and raw answer are kept for the
     * detail view either way.
     */
    static ProbeResult result(Run run, ProbeRequest req, String query, List<Point> points, String raw, @Nullable String answerUnit) {
        double scale = Double.parseDouble(req.setting("scale", "1"));
        // Google reports dimensionless values (counts, instances, backends) in the unit "1": no unit to show or match
        String reported = answerUnit == null || answerUnit.equals("1") ? "" : answerUnit;
        String unit = req.setting("unit", reported);
        if (scale == 1 && !reported.isEmpty() && !unit.equals(reported)) {
            // unit: % on Google's 0–1 ratio (10^2.%) without scale: 100 would judge 0.85 against 70 and always pass
            run.put("query", query);
            run.put("raw", truncate(raw));
            return run.finish(Outcome.DOWN, "unit-mismatch", "The answer is in " + reported + " but the target says its unit"
                    + " is " + unit + " without a scale to convert: set scale (e.g. 100 for a 0–1 ratio read as %) or unit: "
                    + reported + ".");
        }
        run.put("query", query);
        run.put("unit", unit);
        run.put("raw", truncate(raw));
        run.put("seriesCount", points.size());
        if (points.isEmpty()) {
            if (emptyIsZero(req)) {
                run.put(ProbeResult.METRIC_VALUE, 0.0);
                run.put("series", List.of("no series: counted as 0 (emptyAs: zero)"));
                return run.up();
            }
            return run.finish(Outcome.DOWN, "no-series", "The query returned no series, so there is no value to judge"
                    + " (a metric without points counts as failing; emptyAs: zero is for counts where no series means none happened).");
        }
        List<String> shown = new ArrayList<>();
        double[] values = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Point pt = points.get(i);
            values[i] = pt.value() * scale;
            if (!Double.isFinite(values[i])) {
                return run.finish(Outcome.DOWN, "not-a-number", "Series " + label(pt.labels()) + " has the value "
                        + pt.value() + ", which cannot be judged against a threshold.");
            }
            if (i < SERIES_SHOWN) {
                shown.add(label(pt.labels()) + ": " + Run.round(values[i]) + (unit.isEmpty() ? "" : " " + unit));
            }
        }
        if (points.size() > SERIES_SHOWN) {
            shown.add("+" + (points.size() - SERIES_SHOWN) + " more");
        }
        String acrossSetting = req.settings().get("across");
        if (points.size() > 1 && (acrossSetting == null || acrossSetting.isBlank())) {
            // no default: max would hide the worst series of a floor (min instances), min the worst of a ceiling
            run.put("series", shown);
            return run.finish(Outcome.DOWN, "several-series", "The query returned " + points.size() + " series and no"
                    + " 'across' says how to make one value of them: set across to max, min, sum or mean, or narrow the query.");
        }
        Across across = acrossSetting == null ? Across.MAX : across(acrossSetting);
        double value = combine(across == null ? Across.MAX : across, values);
        run.put("series", shown);
        run.put(ProbeResult.METRIC_VALUE, Run.round(value));
        return run.up();
    }

    static double combine(Across across, double[] values) {
        double acc = switch (across) {
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            case SUM, MEAN -> 0;
        };
        for (double v : values) {
            acc = switch (across) {
                case MAX -> Math.max(acc, v);
                case MIN -> Math.min(acc, v);
                case SUM, MEAN -> acc + v;
            };
        }
        return across == Across.MEAN ? acc / values.length : acc;
    }

    /** {@code revision_name=api-00012} for a series' labels; {@code (one series)} without any. */
    static String label(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "(one series)";
        }
        StringBuilder b = new StringBuilder();
        new TreeMap<>(labels).forEach((k, v) -> b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }

    static String truncate(String raw) {
        return raw.length() <= RAW_CHARS ? raw : raw.substring(0, RAW_CHARS) + "… (" + raw.length() + " characters)";
    }
}
