package org.remediation.console.incident.ui;

import org.remediation.console.base.identity.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.remediation.console.base.ui.Focus;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.Duration;
import java.time.Instant;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentStatus;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.StatusUpdateService;
import org.remediation.console.base.identity.CurrentUser;

/** The incident at a glance: severity, status, commander, elapsed time, status-update reminder. */
class IncidentHeader extends Div {

    IncidentHeader(IncidentSummary incident, Instant now, IncidentService incidents, StatusUpdateService updates) {
        addClassName("incident-header");
        H1 title = new H1(incident.key() + " · " + incident.title());
        Span elapsed = new Span("Elapsed " + HumanTime.duration(incident.elapsed(now)));
        elapsed.setId("incident-elapsed");
        elapsed.addClassName("incident-elapsed");
        Div facts = new Div(Tones.severity(incident.severity()), Tones.status(incident.status()),
                new Span("Commander: " + incident.commander()), new Span("Started " + HumanTime.time(incident.startedAt())),
                elapsed);
        facts.addClassName("incident-facts");
        add(title, facts);
        if (!incident.businessImpact().isBlank()) {
            Paragraph impact = new Paragraph(incident.businessImpact());
            impact.addClassName("incident-impact");
            add(impact);
        }
        Div actions = new Div();
        actions.addClassName("incident-actions");
        if (updates.reminderDue(incident)) {
            StatusBadge reminder = new StatusBadge("Status update due: last one "
                    + (incident.lastStatusUpdateAt() == null ? "never (since the start)"
                    : HumanTime.duration(Duration.between(incident.lastStatusUpdateAt(), now)) + " ago")
                    + " — cadence " + HumanTime.duration(updates.cadence()), StatusBadge.Tone.WARN);
            reminder.setId("status-update-reminder");
            actions.add(reminder);
        }
        if (CurrentUser.hasRole(Roles.COMMANDER) || CurrentUser.hasRole(Roles.TEAM_LEAD)) {
            Button draft = new Button("Draft status update", e -> open(new StatusUpdateDialog(updates.draft(incident.key())), "draft-status-update"));
            draft.setId("draft-status-update");
            draft.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(draft);
        }
        if (CurrentUser.hasRole(Roles.COMMANDER)) {
            actions.add(commanderControls(incident, incidents));
        }
        add(actions);
    }

    /** Opens a dialog that gives focus back to its opener: a live update may replace this header meanwhile. */
    private static void open(Dialog dialog, String openerId) {
        Focus.returnOnClose(dialog, openerId);
        dialog.open();
    }

    private static Div commanderControls(IncidentSummary incident, IncidentService incidents) {
        Select<IncidentStatus> status = new Select<>();
        status.setItems(IncidentStatus.values());
        status.setItemLabelGenerator(IncidentStatus::label);
        status.setValue(incident.status());
        status.setId("incident-status");
        status.setAriaLabel("Incident status");
        status.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                try {
                    incidents.setStatus(incident.key(), e.getValue());
                } catch (InvalidInputException ex) {
                    Notices.error(ex.getMessage());
                }
            }
        });
        Button edit = new Button("Edit incident", e -> open(new IncidentEditDialog(incident, incidents), "edit-incident"));
        edit.setId("edit-incident");
        Div box = new Div(status, edit);
        if (!incident.pinned()) {
            Button pin = new Button("Pin as current", e -> incidents.pin(incident.key()));
            pin.setId("pin-incident");
            box.add(pin);
        }
        return box;
    }
}
