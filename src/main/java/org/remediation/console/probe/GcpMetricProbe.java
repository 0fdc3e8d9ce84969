package org.remediation.console.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudMetrics;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;
import org.springframework.stereotype.Component;

/**
 * A Cloud Monitoring time series (or the sandbox's) as a probe: one alignment period per run — the
 * target's interval, so {@code count} over a window sums each point once — ending {@code lag} ago,
 * because Google makes most points visible only minutes after they are sampled. Settings:
 * {@code filter} (Monitoring's filter language, naming one metric type), {@code aligner},
 * {@code reducer}, {@code groupBy}, {@code lag}, {@code presenceFilter} and those of
 * {@link MetricValues}. See docs/probes.md.
 */
@Component
public class GcpMetricProbe implements Probe {

    /** Not ALIGN_NEXT_OLDER or ALIGN_INTERPOLATE: they fill a period without points from its neighbours. */
    static final Set<String> ALIGNERS = Set.of("ALIGN_NONE", "ALIGN_DELTA", "ALIGN_RATE",
            "ALIGN_MIN", "ALIGN_MAX", "ALIGN_MEAN", "ALIGN_COUNT", "ALIGN_SUM", "ALIGN_STDDEV",
            "ALIGN_COUNT_TRUE", "ALIGN_COUNT_FALSE", "ALIGN_FRACTION_TRUE", "ALIGN_PERCENTILE_99",
            "ALIGN_PERCENTILE_95", "ALIGN_PERCENTILE_50", "ALIGN_PERCENTILE_05", "ALIGN_PERCENT_CHANGE");
    static final Set<String> REDUCERS = Set.of("REDUCE_NONE", "REDUCE_MEAN", "REDUCE_MIN", "REDUCE_MAX", "REDUCE_SUM",
            "REDUCE_STDDEV", "REDUCE_COUNT", "REDUCE_COUNT_TRUE", "REDUCE_COUNT_FALSE", "REDUCE_FRACTION_TRUE",
            "REDUCE_PERCENTILE_99", "REDUCE_PERCENTILE_95", "REDUCE_PERCENTILE_50", "REDUCE_PERCENTILE_05");
    static final Set<String> COUNTING = Set.of("ALIGN_DELTA", "ALIGN_SUM", "ALIGN_COUNT", "ALIGN_RATE",
            "ALIGN_COUNT_TRUE", "ALIGN_COUNT_FALSE");
    static final Duration MIN_GOOGLE_LAG = Duration.ofMinutes(3);
    private static final java.util.regex.Pattern RESOURCE_TERM =
            java.util.regex.Pattern.compile("resource\\.(type|labels\\.[A-Za-z0-9_]+)\\s*=\\s*(\"[^\"]*\"|\\S+)");
    /** Most Google metrics are visible within 150–210 s of sampling (the metrics list says so per metric). */
    static final Duration DEFAULT_LAG = Duration.ofMinutes(4);

    private final CloudMetrics metrics;

    public GcpMetricProbe(CloudMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.GCP_METRIC;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        Set<String> known = new HashSet<>(MetricValues.SHARED);
        known.addAll(List.of("filter", "aligner", "reducer", "groupBy", "lag", "presenceFilter"));
        SettingRules.onlyKnown(s, known, p);
        String filter = SettingRules.required(s, "filter", p, "A time-series filter");
        if (filter != null) {
            p.check(!metricType(filter).isEmpty(), SettingRules.field("filter"), "The filter must name one metric type,"
                    + " e.g. metric.type = \"vpcaccess.googleapis.com/connector/cpu/utilizations\" AND"
                    + " resource.labels.connector_name = \"staging-connector\".");
        }
        String aligner = s.getOrDefault("aligner", "");
        p.check(aligner.isBlank() || ALIGNERS.contains(aligner.strip()), SettingRules.field("aligner"),
                "Unknown aligner '" + aligner.strip() + "'. Use one of " + sorted(ALIGNERS) + ".");
        String reducer = s.getOrDefault("reducer", "");
        p.check(reducer.isBlank() || REDUCERS.contains(reducer.strip()), SettingRules.field("reducer"),
                "Unknown reducer '" + reducer.strip() + "'. Use one of " + sorted(REDUCERS) + ".");
        p.check(!"ALIGN_NONE".equals(aligner.strip()) || reducer.isBlank() || "REDUCE_NONE".equals(reducer.strip()),
                SettingRules.field("aligner"), "A reducer needs an aligner other than ALIGN_NONE (Google refuses the query).");
        String lag = s.get("lag");
        if (lag != null && !lag.isBlank()) {
            Duration d = Durations.parse(lag);
            p.check(d != null && !d.isNegative() && d.compareTo(Duration.ofHours(1)) <= 0, SettingRules.field("lag"),
                    "The lag is how long ago the read period ends, from 0s to 1h (e.g. 4m); got '" + lag.strip() + "'.");
        }
        if (MetricValues.emptyIsZero(s)) {
            String presence = s.get("presenceFilter");
            p.check(presence != null && !metricType(presence).isEmpty(), SettingRules.field("presenceFilter"),
                    "emptyAs: zero needs a presenceFilter: a filter that must return series in the same period (e.g."
                            + " all requests of the backend), so a mistyped filter or data not yet ingested never reads as 0.");
            p.check(COUNTING.contains(aligner.isBlank() ? "ALIGN_MEAN" : aligner.strip()), SettingRules.field("emptyAs"),
                    "emptyAs: zero is for counts (aligner ALIGN_DELTA, ALIGN_SUM, ALIGN_COUNT or ALIGN_RATE): a gauge that"
                            + " reports nothing (CPU, instances) is missing data, never 0.");
            if (presence != null && filter != null) {
                for (String term : resourceTerms(filter)) {
                    p.check(resourceTerms(presence).contains(term), SettingRules.field("presenceFilter"),
                            "The presenceFilter must name the same resource as the filter (" + term + "), or another"
                                    + " resource's data would turn this one's missing data into 0.");
                }
            }
        }
        if (lag != null && !lag.isBlank() && "gcp".equals(metrics.name())) {
            Duration d = Durations.parse(lag);
            p.check(d == null || d.compareTo(MIN_GOOGLE_LAG) >= 0, SettingRules.field("lag"), "Google makes most points"
                    + " visible 150–210 s after sampling: a lag under 3m reads periods before their points arrive (a count"
                    + " then misses them for good). Use at least 3m (default 4m).");
        }
        MetricValues.validate(s, p);
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        MetricQuery query = query(req, req.setting("filter", ""));
        try {
            MetricAnswer answer = metrics.read(query);
            run.phase("readMs");
            if (answer.series().isEmpty() && MetricValues.emptyIsZero(req.settings())) {
                MetricAnswer presence = metrics.read(query(req, req.setting("presenceFilter", "")));
                if (presence.series().isEmpty()) {
                    run.put("query", describe(query));
                    run.put("raw", MetricValues.truncate(answer.raw()));
                    return run.finish(Outcome.DOWN, "no-presence", "No series for the filter and none for its presenceFilter"
                            + " in " + query.start() + " – " + query.end() + ": the resource reported nothing (or its data is"
                            + " not ingested yet), so 0 cannot be told from missing data.");
                }
            }
            List<MetricValues.Point> points = new ArrayList<>();
            answer.series().forEach(series -> points.add(new MetricValues.Point(series.labels(), series.value())));
            return MetricValues.result(run, req, describe(query), points, answer.raw(), answer.unit());
        } catch (CloudException e) {
            run.put("query", describe(query));
            String what = e.missingPermission() == null ? e.getMessage()
                    : e.getMessage() + " (missing permission " + e.missingPermission() + ")";
            return run.finish(Outcome.ERROR, e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), what);
        } catch (RuntimeException e) {
            run.put("query", describe(query));
            return run.failed(e, "the " + metrics.name() + " metrics API");
        }
    }

    static MetricQuery query(ProbeRequest req, String filter) {
        Duration lag = Durations.parse(req.setting("lag", Durations.format(DEFAULT_LAG)));
        List<String> groupBy = Arrays.stream(req.setting("groupBy", "").split(",")).map(String::strip)
                .filter(g -> !g.isEmpty()).toList();
        return new MetricQuery(filter, req.setting("aligner", "ALIGN_MEAN"), req.setting("reducer", "REDUCE_NONE"),
                groupBy, req.interval(), req.clock().instant().minus(lag == null ? DEFAULT_LAG : lag));
    }

    /** The query as the detail view shows it. */
    static String describe(MetricQuery q) {
        return q.filter() + " | " + q.aligner() + (q.reducer().equals("REDUCE_NONE") ? "" : " " + q.reducer()
                + (q.groupBy().isEmpty() ? "" : " by " + String.join(",", q.groupBy())))
                + " | period " + Durations.format(q.period()) + " ending " + q.end();
    }

    /** The filter's resource terms, spacing normalised: {@code resource.labels.connector_name="staging-connector"}. */
    static Set<String> resourceTerms(String filter) {
        Set<String> terms = new HashSet<>();
        java.util.regex.Matcher m = RESOURCE_TERM.matcher(filter);
        while (m.find()) {
            terms.add("resource." + m.group(1) + "=" + m.group(2));
        }
        return terms;
    }

    private static String metricType(String filter) {
        return new MetricQuery(filter, "", "", List.of(), Duration.ZERO, java.time.Instant.EPOCH).metricType();
    }

    private static String sorted(Set<String> words) {
        return String.join(", ", words.stream().sorted().toList());
    }
}
