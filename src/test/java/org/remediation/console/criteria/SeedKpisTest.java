package org.remediation.console.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedKpisTest {

    @Test
    void theSeedKpisAreCanonicalAndReferToTheDemoTargets() {
        for (CriterionDefinition d : SeedKpis.ISSUE_1278) {
            MeasuredCriterion c = (MeasuredCriterion) CriterionText.parse(d.text());
            assertThat(c.text()).isEqualTo(d.text());
        }
        assertThat(SeedKpis.ISSUE_1278).extracting(d -> d.text().split(" ")[0])
                .containsExactly("agent-response", "database", "redis", "golden-path");
    }
}
