package org.remediation.console.incident.ui;

import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.base.HumanTime;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.criteria.ui.EscalationRulesEditor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentChanged;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.PhaseStatus;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.security.TeamDirectory;
import org.remediation.console.security.TeamSummary;

/** One phase: the live checklist, its criteria, its plan text and its sign-off. */
@Route("phases/:phaseId")
@PageTitle("Phase · Remediation Console")
@PermitAll
public class PhaseView extends Main implements BeforeEnterObserver {

    private final IncidentService incidents;
    private final ChecklistService checklist;
    private final SignOffService signOffs;
    private final TeamDirectory teams;
    private final CriteriaService criteria;
    private final EscalationService escalations;
    private long phaseId;
    /** What the page shows, to skip re-rendering on live events that change nothing here (see {@link #shown()}). */
    private @org.jspecify.annotations.Nullable Object rendered;

    public PhaseView(IncidentService incidents, ChecklistService checklist, SignOffService signOffs, TeamDirectory teams,
                     LiveEvents live, CriteriaService criteria, EscalationService escalations) {
        this.criteria = criteria;
        this.escalations = escalations;
        this.teams = teams;
        this.incidents = incidents;
        this.checklist = checklist;
        this.signOffs = signOffs;
        addClassName("page");
        LiveSubscription.bind(this, live, IncidentChanged.class, e -> {
            // Incident-wide events (timeline notes, e.g. every probe state change) must not rebuild an unchanged
            // checklist: a tick or a note typed during a rebuild lands on a replaced row and is silently lost.
            if ((e.phaseId() == null || e.phaseId() == phaseId) && !shown().equals(rendered)) {
                render();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        phaseId = event.getRouteParameters().getLong("phaseId").orElse(-1L);
        render();
    }

    /**
     * The phase with its criteria's live figures (one state, read with the phase): everything the page
     * renders that live events can change.
     */
    private Object shown() {
        return incidents.phase(phaseId).map(p -> java.util.List.of(p, p.criteria().stream()
                .map(c -> c.status() == null ? "" : c.status().state() + " " + c.status().valueText()).toList()))
                .map(Object.class::cast).orElse("");
    }

    private void render() {
        rendered = shown();
        removeAll();
        Optional<PhaseState> found = incidents.phase(phaseId);
        if (found.isEmpty()) {
            add(new H2("No such phase"), new RouterLink("Back to the board", BoardView.class));
            return;
        }
        PhaseState phase = found.get();
        IncidentSummary incident = incidents.find(phase.incidentKey()).orElseThrow();
        RouterLink back = new RouterLink("← " + incident.key() + " board", BoardView.class);
        back.setQueryParameters(QueryParameters.of("incident", incident.key()));
        H2 title = new H2(phase.title());
        Div badges = new Div(Tones.severity(phase.priority()), Tones.phase(phase.status()));
        if (phase.statusAt() != null) {
            badges.add(new com.vaadin.flow.component.html.Span("since " + HumanTime.time(phase.statusAt())
                    + (phase.statusBy() == null ? "" : " (" + phase.statusBy() + ")")));
        }
        badges.addClassName("phase-card-badges");
        add(back, title, badges);
        if (CurrentUser.hasRole(Roles.COMMANDER)) {
            add(new PhaseCommandBar(phase, teams.teams().stream().map(TeamSummary::name).toList(), incidents));
        }
        boolean editable = phase.status() != PhaseStatus.SIGNED_OFF && (CurrentUser.hasRole(Roles.RESPONDER)
                || CurrentUser.hasRole(Roles.TEAM_LEAD) || CurrentUser.hasRole(Roles.COMMANDER));
        Div columns = new Div();
        columns.addClassName("phase-columns");
        Div left = new Div(new H3("Checklist (" + phase.tasksDone() + " / " + phase.tasks().size() + " done)"));
        left.addClassName("phase-checklist");
        left.setId("checklist");
        phase.tasks().forEach(t -> left.add(new TaskRow(t, editable, checklist, this::render)));
        if (editable) {
            left.add(new AddTaskForm(phase.id(), phase.ownerTeam(), checklist));
        }
        Div right = new Div(new SignOffPanel(phase, signOffs, this::render),
                new H3("Success criteria (" + phase.criteriaMet() + " / " + phase.criteria().size() + " met)"));
        right.addClassName("phase-side");
        phase.criteria().forEach(c -> right.add(c.measured() ? new MeasuredCriterionRow(c)
                : new CriterionRow(c, !phase.signedOff() && criteria.mayConfirm(c.owner()), criteria, this::render)));
        if (phase.criteria().isEmpty()) {
            right.add(new Paragraph("No success criteria."));
        }
        right.add(new H3("Escalation rules"), new EscalationRulesEditor(escalations, phase.incidentKey(), phase.key()));
        right.add(new PlanDetails(phase, incident.startedAt()));
        columns.add(left, right);
        add(columns);
    }
}
