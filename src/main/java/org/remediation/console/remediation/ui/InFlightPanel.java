package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.List;
import org.remediation.console.remediation.ActionRecord;

/** Running actions with their progress bars; re-rendered on every live action event. */
class InFlightPanel extends Div {

    InFlightPanel() {
        setId("in-flight");
        addClassName("in-flight");
    }

    void show(List<ActionRecord> running) {
        removeAll();
        add(new H3("In flight (" + running.size() + ")"));
        if (running.isEmpty()) {
            add(new Paragraph("No action is running."));
        }
        for (ActionRecord a : running) {
            Div row = new Div(new Anchor("actions/" + a.id(), a.title() + " — " + a.progress() + " %"),
                    new ProgressBar(0, 100, a.progress()));
            row.addClassName("in-flight-row");
            add(row);
        }
    }
}
