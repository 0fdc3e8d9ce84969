package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remediation.console.probe.TargetThresholds.Line;

class CriteriaTargetThresholdsTest {

    @Test
    void theStrictestBoundComesFirstUpperBoundsBeforeLowerOnes() {
        List<Line> lines = new ArrayList<>(List.of(new Line(90, true, "p95 < 90"), new Line(20, false, "min > 20"),
                new Line(70, true, "max < 70"), new Line(30, false, "min >= 30")));
        lines.sort(CriteriaTargetThresholds.STRICTEST_FIRST);
        assertThat(lines).extracting(Line::label).containsExactly("max < 70", "p95 < 90", "min >= 30", "min > 20");
    }
}
