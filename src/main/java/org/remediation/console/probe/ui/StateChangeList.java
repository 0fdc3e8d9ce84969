package org.remediation.console.probe.ui;

import com.vaadin.flow.component.grid.Grid;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.remediation.console.probe.StateChange;

/** Recent state changes of one target, newest first. */
class StateChangeList extends Grid<StateChange> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    StateChangeList() {
        addColumn(c -> TIME.format(c.at())).setHeader("When (UTC)").setAutoWidth(true);
        addColumn(c -> c.from() + " → " + c.to()).setHeader("Change").setAutoWidth(true);
        addColumn(StateChange::reason).setHeader("Because");
        setAllRowsVisible(true);
    }

    void show(List<StateChange> list) {
        setItems(list);
    }
}
