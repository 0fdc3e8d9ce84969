package org.remediation.console.cloud.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.remediation.console.cloud.CloudException;

/**
 * The part of Cloud Monitoring's filter language the sandbox answers: {@code metric.type = "…"} and
 * equality on {@code resource.type}, {@code resource.labels.X} or {@code metric.labels.X}, joined by
 * {@code AND}. Anything else (OR, NOT, functions, other operators) is refused as Google refuses a
 * filter it cannot parse, rather than silently read as something wider.
 */
record MetricFilter(String metricType, Map<String, String> labels) {

    /** One {@code key = value} term; values in double quotes, or bare integers (int64 labels such as response_code_class). */
    private static final Pattern TERM = Pattern.compile(
            "\\s*(metric\\.type|resource\\.type|(?:resource|metric)\\.labels?\\.[a-z][a-z0-9_]*)\\s*=\\s*(\"([^\"\\\\]*)\"|(-?\\d+))\\s*");
    private static final Pattern AND = Pattern.compile("\\s+AND\\s+");

    MetricFilter {
        labels = Map.copyOf(labels);
    }

    static MetricFilter parse(String filter) {
        String type = null;
        Map<String, String> labels = new LinkedHashMap<>();
        for (String term : AND.split(filter.strip(), -1)) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw invalid(filter, "the sandbox reads only metric.type, resource.type, resource.labels.KEY and"
                        + " metric.labels.KEY compared with = to a quoted value, joined by AND; cannot parse '" + term.strip() + "'");
            }
            String key = canonical(m.group(1));
            String value = m.group(3) != null ? m.group(3) : m.group(4);
            if (key.equals("metric.type")) {
                if (type != null) {
                    throw invalid(filter, "the filter names more than one metric type");
                }
                type = value;
            } else if (labels.put(key, value) != null) {
                throw invalid(filter, key + " is restricted twice");
            }
        }
        if (type == null) {
            throw invalid(filter, "a filter must have a metric.type restriction");
        }
        return new MetricFilter(type, labels);
    }

    /** Whether a series with these labels ({@code resource.type}, {@code resource.labels.*}, {@code metric.labels.*}) matches. */
    boolean matches(Map<String, String> seriesLabels) {
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(seriesLabels.get(e.getKey())));
    }

    /** Google accepts {@code resource.label.x} as a synonym of {@code resource.labels.x}. */
    static String canonical(String key) {
        return key.replaceFirst("^(resource|metric)\\.label\\.", "$1.labels.");
    }

    /** Google's wording for a filter it refuses (HTTP 400, INVALID_ARGUMENT). */
    static CloudException invalid(String filter, String why) {
        return new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                "Field filter had an invalid value of \"" + filter + "\": " + why + ".");
    }
}
