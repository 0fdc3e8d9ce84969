package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.Problems;

/**
 * What every metric kind ({@link ProbeKind#GCP_METRIC}, {@link ProbeKind#PROMETHEUS}) must do with
 * the answers its source gives: a value is recorded with its unit, and every answer that is not a
 * number to judge (no series, NaN, an error, no answer at all) is a failed run that carries no value,
 * so it can never count as a good measurement. A subclass arranges each answer on its real or fake
 * source and returns the settings that read it; the cases here are the same for every kind.
 *
 * <p>JUnit makes a new instance per case, so an adapter may keep per-case state: a kind whose source
 * is not a setting (GCP_METRIC reads through a {@code CloudMetrics} bean) can have {@link #unreachable()}
 * point the client that {@link #probe()} builds at a closed port. Override {@link #request} to give
 * the run another interval or secrets.
 */
abstract class MetricProbeContract {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    abstract Probe probe();

    /** The source answers with exactly one series whose value is {@code value}. */
    abstract Map<String, String> oneSeries(double value) throws Exception;

    /** The source answers, without error, with no series. */
    abstract Map<String, String> noSeries() throws Exception;

    /**
     * As {@link #noSeries()}, with whatever the kind needs so that {@code emptyAs: zero} applies (the
     * contract adds {@code emptyAs: zero}; a GCP adapter adds a presenceFilter, a Prometheus one a
     * presenceQuery, that has series).
     */
    abstract Map<String, String> noSeriesCountedAsZero() throws Exception;

    /**
     * As {@link #noSeriesCountedAsZero()}, but the presence check finds no series either (a mistyped
     * metric, a source that lost its data). Null (the default) skips the case for a kind not yet arranged.
     */
    @Nullable Map<String, String> noSeriesAndNoPresence() throws Exception {
        return null;
    }

    /** The source answers with one series whose value is NaN. */
    abstract Map<String, String> notANumber() throws Exception;

    /** The source refuses the query with an error answer (e.g. a syntax error). */
    abstract Map<String, String> errorAnswer() throws Exception;

    /** A fragment of the source's own error text that the result's error must show. */
    abstract String errorAnswerSays();

    /** Nothing answers (a closed port). */
    abstract Map<String, String> unreachable() throws Exception;

    /** A fragment of what the query measurement must show for {@link #oneSeries} (its PromQL, its filter). */
    abstract String queryShows();

    ProbeRequest request(Map<String, String> settings) {
        return Loopback.request(settings, TIMEOUT);
    }

    ProbeResult run(Map<String, String> settings) {
        return probe().run(request(settings));
    }

    static Map<String, String> with(Map<String, String> settings, String... pairs) {
        Map<String, String> m = new HashMap<>(settings);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aValueIsRecordedWithItsUnitQueryAndRawAnswer() throws Exception {
        ProbeResult r = run(with(oneSeries(42), "unit", "%"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isEqualTo(42.0);
        assertThat(r.measurements()).containsEntry("unit", "%").containsEntry("seriesCount", 1);
        assertThat((String) r.measurements().get("query")).contains(queryShows());
        assertThat((String) r.measurements().get("raw")).contains("42");
        assertThat(r.measurements().get("series")).asList().singleElement().asString().endsWith(": 42.0 %");
    }

    @Test
    void theScaleMultipliesTheValue() throws Exception {
        ProbeResult r = run(with(oneSeries(0.25), "scale", "100", "unit", "%"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isEqualTo(25.0);
    }

    @Test
    void anAnswerWithoutSeriesIsAFailedRunWithoutValue() throws Exception {
        ProbeResult r = run(noSeries());
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("no-series");
        assertThat(r.metricValue()).isNull();
        assertThat(r.measurements()).containsKey("query").containsKey("raw");
    }

    @Test
    void emptyAsZeroCountsNoSeriesAsZero() throws Exception {
        ProbeResult r = run(with(noSeriesCountedAsZero(), "emptyAs", "zero"));
        assertThat(r.outcome()).as(r.error()).isEqualTo(Outcome.UP);
        assertThat(r.metricValue()).isEqualTo(0.0);
    }

    @Test
    void emptyAsZeroWithoutPresenceIsAFailedRunWithoutValue() throws Exception {
        Map<String, String> settings = noSeriesAndNoPresence();
        Assumptions.assumeTrue(settings != null, "the kind's adapter does not arrange an absent presence");
        ProbeResult r = run(with(settings, "emptyAs", "zero"));
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("no-presence");
        assertThat(r.metricValue()).isNull();
        assertThat(r.measurements()).containsKey("query");
    }

    @Test
    void notANumberIsAFailedRunWithoutValue() throws Exception {
        ProbeResult r = run(notANumber());
        assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(r.errorClass()).isEqualTo("not-a-number");
        assertThat(r.error()).contains("NaN");
        assertThat(r.metricValue()).isNull();
    }

    @Test
    void anErrorAnswerFailsWithTheSourcesMessageAndNoValue() throws Exception {
        ProbeResult r = run(errorAnswer());
        assertThat(r.outcome()).isIn(Outcome.DOWN, Outcome.ERROR);
        assertThat(r.error()).contains(errorAnswerSays()).doesNotContain("Exception");
        assertThat(r.metricValue()).isNull();
        assertThat(r.measurements()).containsKey("query");
    }

    @Test
    void aStreamOfUnreachableReadsIsFailedEveryTimeAndNeverCarriesAValue() throws Exception {
        Map<String, String> settings = unreachable();
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(run(settings));
        }
        assertThat(results).allSatisfy(r -> {
            assertThat(r.outcome()).isIn(Outcome.DOWN, Outcome.ERROR, Outcome.TIMEOUT);
            assertThat(r.error()).isNotBlank().doesNotContain("Exception");
            assertThat(r.metricValue()).isNull();
        });
    }

    @Test
    void theSettingsThatReadAValueAreValid() throws Exception {
        Problems p = new Problems();
        probe().validate(with(oneSeries(1), "unit", "%", "across", "max"), p);
        assertThat(p.list()).isEmpty();
    }
}
