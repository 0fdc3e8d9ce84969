package org.remediation.console.incident.ui;

import org.remediation.console.base.ui.CommandBlock;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import java.time.Instant;
import org.remediation.console.incident.PhaseState;

/** The phase's plan around the checklist: window, dependencies, validation, rollback, escalation. */
class PlanDetails extends Div {

    PlanDetails(PhaseState phase, Instant incidentStart) {
        addClassName("plan-details");
        add(PhaseCard.line("Owner", phase.ownerTeam() + (phase.supportingTeams().isEmpty() ? ""
                : " (with " + String.join(", ", phase.supportingTeams()) + ")")));
        add(PhaseCard.line("Window", PhaseCard.window(phase, incidentStart)));
        add(PhaseCard.line("Depends on", phase.dependencies().isEmpty() ? "nothing"
                : String.join(", ", phase.dependencies().stream().map(d -> d.title() + " (" + d.status().label() + ")")
                        .toList())));
        if (!phase.validation().isEmpty()) {
            Div steps = new Div();
            phase.validation().forEach(v -> {
                Pre pre = new CommandBlock(v);
                pre.addClassName("mono");
                steps.add(new Div(pre, Clipboard.button("Copy", () -> v)));
            });
            Details validation = new Details("Validation steps", steps);
            validation.setOpened(true);
            add(validation);
        }
        add(textBlock("Rollback procedure", phase.rollback(), "rollback"));
        add(textBlock("Escalation rules", phase.escalation(), "escalation"));
    }

    private static Details textBlock(String title, String text, String id) {
        Pre pre = new CommandBlock(text.isBlank() ? "—" : text);
        pre.addClassName("plan-text");
        Details details = new Details(title, pre);
        details.setId("plan-" + id);
        details.setOpened(true);
        return details;
    }
}
