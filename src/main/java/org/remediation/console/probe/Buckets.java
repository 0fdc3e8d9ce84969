package org.remediation.console.probe;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Successful runs' durations as HdrHistogram buckets (microseconds, 3 significant digits), compact
 * and immutable: distinct bucket values ascending with their counts. Windows that reach back into
 * the per-minute rollups merge these exactly (bucket counts add up); percentiles are read from the
 * merged buckets, never averaged from per-minute percentiles.
 */
final class Buckets {

    static final Buckets EMPTY = new Buckets(new long[0], new long[0]);

    /** Defines the bucket shape only; never recorded into. */
    private static final Histogram SHAPE = new Histogram(3);

    final long[] micros;
    final long[] counts;

    private Buckets(long[] micros, long[] counts) {
        this.micros = micros;
        this.counts = counts;
    }

    static Histogram newHistogram() {
        return new Histogram(3);
    }

    static long micros(double ms) {
        return Math.max(0, Math.round(ms * 1000));
    }

    static Buckets of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return EMPTY;
        }
        long[] v = new long[16];
        long[] c = new long[16];
        int n = 0;
        for (HistogramIterationValue it : h.recordedValues()) {
            if (n == v.length) {
                v = Arrays.copyOf(v, n * 2);
                c = Arrays.copyOf(c, n * 2);
            }
            v[n] = it.getValueIteratedTo();
            c[n++] = it.getCountAtValueIteratedTo();
        }
        return new Buckets(Arrays.copyOf(v, n), Arrays.copyOf(c, n));
    }

    /** Bucket value → count, ascending (a running sum of minutes). */
    static Buckets of(java.util.SortedMap<Long, Long> counts) {
        long[] v = new long[counts.size()];
        long[] c = new long[counts.size()];
        int n = 0;
        for (var e : counts.entrySet()) {
            v[n] = e.getKey();
            c[n++] = e.getValue();
        }
        return n == 0 ? EMPTY : new Buckets(v, c);
    }

    /** Adds ({@code sign} 1) or removes ({@code sign} -1) these buckets to or from a running sum. */
    void addTo(java.util.SortedMap<Long, Long> sum, int sign) {
        for (int i = 0; i < micros.length; i++) {
            long left = sum.getOrDefault(micros[i], 0L) + sign * counts[i];
            if (left == 0) {
                sum.remove(micros[i]);
            } else {
                sum.put(micros[i], left);
            }
        }
    }

    long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** These buckets plus exact durations {@code ms} put into the same buckets, as latencies. */
    Latencies with(double[] ms) {
        long[] extra = new long[ms.length];
        for (int i = 0; i < ms.length; i++) {
            extra[i] = SHAPE.highestEquivalentValue(micros(ms[i]));
        }
        Arrays.sort(extra);
        int total = (int) (total() + extra.length);
        if (total == 0) {
            return Latencies.none();
        }
        double[] values = new double[micros.length + extra.length];
        long[] cumulative = new long[values.length];
        int i = 0;
        int j = 0;
        int n = 0;
        long cum = 0;
        long sumMicros = 0; // integer: the mean does not depend on the order runs were merged in
        while (i < micros.length || j < extra.length) {
            long v;
            long c;
            if (j >= extra.length || (i < micros.length && micros[i] <= extra[j])) {
                v = micros[i];
                c = counts[i++];
            } else {
                v = extra[j++];
                c = 1;
            }
            cum += c;
            sumMicros += c * v;
            if (n > 0 && values[n - 1] == v / 1000.0) {
                cumulative[n - 1] = cum;
            } else {
                values[n] = v / 1000.0;
                cumulative[n++] = cum;
            }
        }
        return new HistogramLatencies(Arrays.copyOf(values, n), Arrays.copyOf(cumulative, n), sumMicros / 1000.0 / total);
    }

    /** Compressed HdrHistogram encoding, base64 (the rollup columns). */
    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer, 9);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException e) {
            throw new IllegalStateException("A stored latency histogram cannot be read", e);
        }
    }

    /** Latencies of merged buckets: rank access by binary search over cumulative counts. */
    static final class HistogramLatencies implements Latencies {

        private final double[] values;
        private final long[] cumulative;
        private final double mean;

        HistogramLatencies(double[] values, long[] cumulative, double mean) {
            this.values = values;
            this.cumulative = cumulative;
            this.mean = mean;
        }

        @Override
        public int count() {
            return values.length == 0 ? 0 : (int) cumulative[values.length - 1];
        }

        @Override
        public double atRank(int k) {
            if (k < 1 || k > count()) {
                throw new IndexOutOfBoundsException("rank " + k + " of " + count());
            }
            int at = Arrays.binarySearch(cumulative, k);
            return values[at >= 0 ? at : -at - 1];
        }

        @Override
        public double mean() {
            return count() == 0 ? Double.NaN : mean;
        }
    }
}
