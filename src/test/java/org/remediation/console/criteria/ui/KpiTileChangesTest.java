package org.remediation.console.criteria.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.change.NodeChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.CriterionOwner;
import org.remediation.console.criteria.CriterionState;
import org.remediation.console.criteria.CriterionStatus;

/** Fifty boards refresh every tile after every round: a refresh that changes nothing must send nothing. */
class KpiTileChangesTest {

    static final Instant SINCE = Instant.parse("2026-11-25T11:00:00Z");

    static CriterionStatus status(CriterionState state, String value) {
        return new CriterionStatus(CriterionOwner.kpi("i", "p95"), "Backend p95", "backend-health p95 < 1000 ms", false,
                state, SINCE, value, 1840.0, "< 1000 ms over 15m", 30, "from 30 results", SINCE, null, null, null, null, null);
    }

    static List<NodeChange> pending(UI ui) {
        List<NodeChange> changes = new ArrayList<>();
        ui.getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }

    @Test
    void aRefreshWithTheSameStatusSendsNoChangeAndANewValueSendsOnlyThat() {
        UI ui = new UI();
        KpiTile tile = new KpiTile(status(CriterionState.NOT_MET, "1840 ms"));
        ui.add(tile);
        pending(ui); // the first render

        tile.update(status(CriterionState.NOT_MET, "1840 ms"));
        assertThat(pending(ui)).isEmpty();

        tile.update(status(CriterionState.NOT_MET, "1790 ms"));
        assertThat(pending(ui)).isNotEmpty();
        assertThat(tile.valueText()).isEqualTo("1790 ms");

        tile.update(status(CriterionState.MET, "640 ms"));
        pending(ui);
        assertThat(tile.getClassNames()).contains("kpi-met").doesNotContain("kpi-not_met");
        tile.update(status(CriterionState.MET, "640 ms"));
        assertThat(pending(ui)).isEmpty();
    }
}
