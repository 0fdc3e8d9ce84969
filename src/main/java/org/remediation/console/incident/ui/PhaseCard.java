package org.remediation.console.incident.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import java.time.Duration;
import java.time.Instant;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.RunbookYaml;
import org.remediation.console.incident.SignOffRecord;

/** One phase on the board: owner, window against now, progress, sign-off. */
class PhaseCard extends Div {

    PhaseCard(PhaseState phase, Instant incidentStart, Instant now) {
        addClassName("phase-card");
        setId("phase-card-" + phase.key());
        RouterLink title = new RouterLink(phase.title(), PhaseView.class,
                new RouteParameters("phaseId", String.valueOf(phase.id())));
        title.setId("phase-link-" + phase.key()); // found again by id when a live update replaces the card
        H3 heading = new H3(title);
        Div badges = new Div(Tones.severity(phase.priority()), Tones.phase(phase.status()));
        badges.addClassName("phase-card-badges");
        add(heading, badges);
        add(line("Owner", phase.ownerTeam() + (phase.supportingTeams().isEmpty() ? ""
                : " (with " + String.join(", ", phase.supportingTeams()) + ")")));
        Span window = line("Window", window(phase, incidentStart));
        add(window);
        if (phase.overrun(incidentStart, now)) {
            StatusBadge overrun = new StatusBadge("Overrun by " + HumanTime.duration(
                    Duration.between(phase.plannedEnd(incidentStart), now)), StatusBadge.Tone.BAD);
            overrun.setId("overrun-" + phase.key());
            add(overrun);
            addClassName("phase-card-overrun");
        } else if (!phase.signedOff() && now.isBefore(phase.plannedStart(incidentStart))) {
            add(line("Starts in", HumanTime.duration(Duration.between(now, phase.plannedStart(incidentStart)))));
        }
        Span tasks = line("Tasks", phase.tasksDone() + " / " + phase.tasks().size() + " done");
        tasks.setId("tasks-" + phase.key());
        Span criteria = line("Criteria", phase.criteriaMet() + " / " + phase.criteria().size() + " met");
        criteria.setId("criteria-" + phase.key());
        add(tasks, criteria);
        SignOffRecord signOff = phase.lastSignOff();
        if (phase.signedOff() && signOff != null) {
            Span signed = line("Signed off", signOff.signedBy() + " at " + HumanTime.time(signOff.signedAt()));
            add(signed);
            if (signOff.override()) {
                StatusBadge loud = new StatusBadge("OVERRIDE: " + signOff.overrideReason(), StatusBadge.Tone.BAD);
                loud.setId("override-" + phase.key());
                add(loud);
                addClassName("phase-card-override");
            }
        }
    }

    static Span line(String label, String value) {
        Span line = new Span(label + ": " + value);
        line.addClassName("phase-card-line");
        return line;
    }

    /** The planned window as the runbook writes it, then in clock time: {@code 0h–1h (Nov 25 12:00 UTC – ...)}. */
    static String window(PhaseState phase, Instant incidentStart) {
        return RunbookYaml.offset(phase.windowStartMinutes()) + "–" + RunbookYaml.offset(phase.windowEndMinutes())
                + " (" + HumanTime.time(phase.plannedStart(incidentStart)) + " – "
                + HumanTime.time(phase.plannedEnd(incidentStart)) + ")";
    }
}
