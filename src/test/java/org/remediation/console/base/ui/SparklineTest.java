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
}
