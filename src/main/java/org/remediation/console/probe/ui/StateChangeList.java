package org.remediation.console.probe.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.remediation.console.base.HumanTime;
import org.remediation.console.probe.StateChange;

/** Recent state changes of one target, newest first. */
class StateChangeList extends Grid<StateChange> {

    StateChangeList() {
        addColumn(c -> HumanTime.timestamp(c.at())).setHeader("When").setAutoWidth(true);
        addColumn(c -> c.from() + " → " + c.to()).setHeader("Change").setAutoWidth(true);
        addColumn(StateChange::reason).setHeader("Because");
        setAllRowsVisible(true);
    }

    void show(List<StateChange> list) {
        setItems(list);
    }
}
