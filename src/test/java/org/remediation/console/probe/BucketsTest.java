package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Per-minute histograms merge exactly: percentiles of a long window are those of all its runs. */
class BucketsTest {

    @Test
    void mergedMinutesReadLikeOneHistogramOfEveryRunNotLikeAveragedPercentiles() {
        Random random = new Random(7);
        Histogram all = Buckets.newHistogram();
        Histogram merged = Buckets.newHistogram();
        double[] exact = new double[60 * 6];
        double averagedP95 = 0;
        for (int minute = 0; minute < 60; minute++) {
            Histogram one = Buckets.newHistogram();
            for (int i = 0; i < 6; i++) {
                // one slow minute in ten: averaging per-minute p95s would hide most of it
                double ms = minute % 10 == 0 ? 5_000 + random.nextInt(100) : 20 + random.nextInt(80) + random.nextDouble();
                exact[minute * 6 + i] = ms;
                one.recordValue(Buckets.micros(ms));
                all.recordValue(Buckets.micros(ms));
            }
            averagedP95 += one.getValueAtPercentile(95) / 1000.0 / 60;
            merged.add(Buckets.decode(Buckets.encode(one))); // through the stored form
        }
        Latencies l = Buckets.of(merged).with(new double[0]);
        Arrays.sort(exact);
        assertThat(l.count()).isEqualTo(360);
        for (double p : new double[] {50, 90, 95, 99, 100}) {
            assertThat(l.percentile(p)).as("p" + p).isEqualTo(all.getValueAtPercentile(p) / 1000.0);
            double truth = exact[(int) Math.ceil(p / 100 * 360) - 1];
            assertThat(l.percentile(p)).isBetween(truth, truth * 1.001 + 0.001);
        }
        assertThat(l.percentile(95)).isGreaterThan(5_000); // 10 % of the runs were slow
        assertThat(averagedP95).isLessThan(1_000);
    }

    @Test
    void exactDurationsJoinTheSameBucketsWhereverTheyComeFrom() {
        double[] values = {1.5, 250.25, 250.251, 999.9, 12_345.678};
        Histogram h = Buckets.newHistogram();
        for (double v : Arrays.copyOfRange(values, 0, 3)) {
            h.recordValue(Buckets.micros(v));
        }
        Latencies split = Buckets.of(h).with(Arrays.copyOfRange(values, 3, 5));
        Latencies whole = Buckets.EMPTY.with(values.clone());
        assertThat(split.count()).isEqualTo(5);
        for (int k = 1; k <= 5; k++) {
            assertThat(split.atRank(k)).isEqualTo(whole.atRank(k)).isCloseTo(values[k - 1], org.assertj.core.data.Percentage.withPercentage(0.1));
        }
        assertThat(split.mean()).isEqualTo(whole.mean());
        assertThat(Buckets.EMPTY.with(new double[0]).count()).isZero();
        assertThat(Buckets.EMPTY.with(new double[0]).percentile(95)).isNaN();
    }
}
