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
}
