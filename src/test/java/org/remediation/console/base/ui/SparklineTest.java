package org.remediation.console.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SparklineTest {

    @Test
    void gapsBreakTheLineAndTheThresholdIsDashed() {
        String svg = Sparkline.svg(Arrays.asList(1.0, 2.0, null, 3.0, 4.0), 2.5, 100, 20);
        assertThat(svg.split("<polyline", -1)).hasSize(3);
        assertThat(svg).contains("stroke-dasharray").startsWith("<svg").endsWith("</svg>");
    }

    @Test
    void theLowestValueIsAtTheBottomAndTheHighestAtTheTop() {
        String svg = Sparkline.svg(Arrays.asList(0.0, 10.0), null, 12, 22);
        assertThat(svg).contains("points=\"1.0,21.0 11.0,1.0\"");
    }

    @Test
    void noValuesDrawAnEmptyChart() {
        assertThat(Sparkline.svg(Arrays.asList(null, null), null, 10, 10)).doesNotContain("polyline");
    }

    @Test
    void probeSparklinesAndChartsNameWhatTheyShow() {
        String spark = Sparkline.svg(new double[] {12, 340.4, 80}, new boolean[] {false, true, false}, 160, 28);
        assertThat(spark).contains("role=\"img\" aria-label=\"Latency of the last 3 runs: 12 to 340 ms, 1 failed\"");
        assertThat(Sparkline.svg(new double[0], new boolean[0], 160, 28)).contains("aria-label=\"Latency: no runs yet\"");
        String chart = SvgChart.svg(new long[] {1, 2}, new double[] {5, 7}, new boolean[2], 1000.0, "ms", 600, 200);
        assertThat(chart).contains("aria-label=\"Latency chart of 2 runs: 5 to 7 ms, 0 failed; threshold 1000 ms\"");
    }

    @Test
    void kpiTrendsNameTheirRange() {
        assertThat(Sparkline.svg(Arrays.asList(1.0, null, 3.0), 2.0, 10, 10))
                .contains("role=\"img\" aria-label=\"Trend of 2 values from 1.0 to 3.0, threshold 2.0\"");
    }

    @Test
    void aChartsThresholdLineSitsAtItsValueWithValueAndUnit() {
        // 200 high: plot from y=8 to y=178 (170 px); the top is the nice ceiling of max(values, 1.1 × 70) = 100
        String chart = SvgChart.svg(new long[] {1, 2}, new double[] {20, 40}, new boolean[2], 70.0, "%", "Value chart of", 600, 200);
        assertThat(chart).contains("<line class=\"chart-threshold\" x1=\"48.0\" y1=\"59.0\" x2=\"592.0\" y2=\"59.0\"/>")
                .contains(">threshold 70 %</text>").contains(">100 %</text>")
                .contains("aria-label=\"Value chart of 2 runs: 20 to 40 %, 0 failed; threshold 70 %\"");
        String unitless = SvgChart.svg(new long[] {1, 2}, new double[] {20, 40}, new boolean[2], 80.0, "", "Value chart of", 600, 200);
        assertThat(unitless).contains(">threshold 80</text>").doesNotContain("80 <");
    }

    @Test
    void aRunWithoutAValueBreaksTheLineAndIsMarkedFailedOnTheBaseLine() {
        double[] values = {10, Double.NaN, 30};
        boolean[] failed = {false, true, false};
        String chart = SvgChart.svg(new long[] {0, 1000, 2000}, values, failed, null, "%", "Value chart of", 600, 200);
        assertThat(chart.split("<polyline", -1)).as("two pieces of line around the gap").hasSize(3);
        assertThat(chart).contains("class=\"chart-fail\" cx=\"320.0\" cy=\"178.0\"")
                .contains("Value chart of 3 runs: 10 to 30 %, 1 failed").doesNotContain("NaN");
        String spark = Sparkline.svg(values, failed, "Values of the last", "req", 101, 28);
        assertThat(spark.split("<polyline", -1)).hasSize(3);
        assertThat(spark).contains("class=\"spark-fail\" cx=\"50.5\" cy=\"27.0\"")
                .contains("Values of the last 3 runs: 10 to 30 req, 1 failed").doesNotContain("NaN");
        assertThat(Sparkline.svg(new double[] {Double.NaN}, new boolean[] {true}, "Values of the last", "%", 10, 10))
                .contains("Values of the last 1 run: no values, 1 failed");
    }

    @Test
    void aKpiTrendLabelsItsThresholdLineAsWritten() {
        // 10..50 over a 22 px box: 30 is half way, y = 1 + 20 × 0.5
        String svg = Sparkline.svg(Arrays.asList(10.0, 50.0), 30.0, "30 %", 100, 22);
        assertThat(svg).contains("class=\"sparkline-threshold\" x1=\"0\" x2=\"100\" y1=\"11.0\" y2=\"11.0\"")
                .contains("<text class=\"sparkline-threshold-label\" x=\"99\" y=\"9.0\"").contains(">30 %</text>")
                .contains("threshold 30 %\"");
        assertThat(Sparkline.svg(Arrays.asList(10.0, 50.0), 30.0, 100, 22)).doesNotContain("<text");
    }
}
