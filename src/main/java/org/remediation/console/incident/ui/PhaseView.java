package org.remediation.console.incident.ui;

import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.base.HumanTime;
import org.remediation.console.criteria.CriteriaEvaluated;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.criteria.ui.EscalationRulesEditor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
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
import java.util.List;
import java.util.Optional;
import org.remediation.console.base.ui.KeyedRows;
import org.remediation.console.incident.CriterionState;
import org.remediation.console.incident.TaskState;
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
    /** The page's parts that live updates change in place; null until the first render of a phase. */
    private @org.jspecify.annotations.Nullable Parts parts;

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
            if (e.phaseId() == null || e.phaseId() == phaseId) {
                update();
            }
        });
        // a measured figure can move without its state changing: the rows show the figure, so they follow it
        LiveSubscription.bind(this, live, CriteriaEvaluated.class, e -> {
            Parts p = parts;
            if (p != null && e.incidentKeys().contains(p.phase.incidentKey())) {
                update();
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        phaseId = event.getRouteParameters().getLong("phaseId").orElse(-1L);
        parts = null;
        update();
    }

    /**
     * The page's parts. A live update changes only what differs, in place: a task or criterion row is
     * replaced only when what it shows changed, and the add-task form and the escalation rules are
     * never rebuilt, so focus and what a user is typing survive every measured figure that moves
     * (issue 15). Only a change of who may edit rebuilds the forms (they appear or disappear).
     */
    private final class Parts {
        final Div header = new Div();
        final H3 checklistHeading = new H3();
        final KeyedRows<TaskState, Long> tasks;
        final Div addTask = new Div();
        final Div signOff = new Div();
        final H3 criteriaHeading = new H3();
        final KeyedRows<CriterionState, String> criteriaRows;
        final Paragraph noCriteria = new Paragraph("No success criteria.");
        final Div plan = new Div();
        @org.jspecify.annotations.Nullable Object headerShown;
        @org.jspecify.annotations.Nullable Object signOffShown;
        @org.jspecify.annotations.Nullable Boolean editableShown;

        Parts(String incidentKey, String phaseKey) {
            tasks = new KeyedRows<>(TaskState::id, t -> List.of(t, editable),
                    t -> new TaskRow(t, editable, checklist, PhaseView.this::update));
            criteriaRows = new KeyedRows<>(CriterionState::key, PhaseView.this::rowShows,
                    c -> c.measured() ? new MeasuredCriterionRow(c)
                            : new CriterionRow(c, mayConfirm(c), criteria, PhaseView.this::update));
            Div left = new Div(checklistHeading, tasks, addTask);
            left.addClassName("phase-checklist");
            left.setId("checklist");
            Div right = new Div(signOff, criteriaHeading, criteriaRows, noCriteria, new H3("Escalation rules"),
                    new EscalationRulesEditor(escalations, incidentKey, phaseKey), plan);
            right.addClassName("phase-side");
            Div columns = new Div(left, right);
            columns.addClassName("phase-columns");
            add(header, columns);
        }

        boolean editable;
        PhaseState phase;
    }

    private boolean mayConfirm(CriterionState c) {
        PhaseState phase = java.util.Objects.requireNonNull(parts).phase;
        return !phase.signedOff() && criteria.mayConfirm(c.owner());
    }

    /** What a criterion row shows: a measured row its status as displayed; a manual row also who may confirm. */
    private Object rowShows(CriterionState c) {
        var st = c.status();
        Object status = st == null ? "" : java.util.Arrays.asList(st.label(), st.state(), st.since(), st.valueText(),
                st.thresholdText(), st.detail(), st.confirmedBy(), st.confirmedAt(), st.evidenceNote());
        return c.measured() ? java.util.Arrays.asList(c.text(), c.measure(), status)
                : java.util.Arrays.asList(c.text(), c.probe(), status, mayConfirm(c));
    }

    private void update() {
        Optional<PhaseState> found = incidents.phase(phaseId);
        if (found.isEmpty()) {
            parts = null;
            removeAll();
            add(new H1("No such phase"), new Paragraph("It may have been removed with its incident."),
                    new RouterLink("Back to the board", BoardView.class));
            return;
        }
        PhaseState phase = found.get();
        Optional<IncidentSummary> ofPhase = incidents.find(phase.incidentKey());
        if (ofPhase.isEmpty()) { // removed between the two reads
            parts = null;
            removeAll();
            add(new H1("No such phase"), new RouterLink("Back to the board", BoardView.class));
            return;
        }
        IncidentSummary incident = ofPhase.get();
        if (parts == null) {
            removeAll();
            parts = new Parts(phase.incidentKey(), phase.key());
        }
        Parts p = parts;
        p.phase = phase;
        p.editable = phase.status() != PhaseStatus.SIGNED_OFF && checklist.mayEdit(phase.id());
        Object header = List.of(frame(phase), incident);
        if (!header.equals(p.headerShown)) {
            p.header.removeAll();
            p.header.add(header(phase, incident));
            p.plan.removeAll();
            p.plan.add(new PlanDetails(phase, incident.startedAt()));
            p.headerShown = header;
        }
        p.checklistHeading.setText("Checklist (" + phase.tasksDone() + " / " + phase.tasks().size() + " done)");
        p.tasks.show(phase.tasks());
        if (!Boolean.valueOf(p.editable).equals(p.editableShown)) {
            p.addTask.removeAll();
            if (p.editable) {
                p.addTask.add(new AddTaskForm(phase.id(), phase.ownerTeam(), checklist));
            }
            p.editableShown = p.editable;
        }
        Object signOff = phase.signedOff() ? List.of(frame(phase)) : List.of(frame(phase),
                signOffs.blockingReasons(phase.id()), signOffs.maySignOff(phase.id()));
        if (!signOff.equals(p.signOffShown)) {
            p.signOff.removeAll();
            p.signOff.add(new SignOffPanel(phase, signOffs, this::update));
            p.signOffShown = signOff;
        }
        p.criteriaHeading.setText("Success criteria (" + phase.criteriaMet() + " / " + phase.criteria().size() + " met)");
        p.criteriaRows.show(phase.criteria());
        p.noCriteria.setVisible(phase.criteria().isEmpty());
    }

    /** The phase without its rows: what the header, plan and sign-off panel show besides them. */
    private static PhaseState frame(PhaseState p) {
        return new PhaseState(p.id(), p.incidentKey(), p.order(), p.key(), p.title(), p.priority(), p.ownerTeam(),
                p.supportingTeams(), p.windowStartMinutes(), p.windowEndMinutes(), p.dependencies(), p.rollback(),
                p.escalation(), p.validation(), p.status(), p.statusBy(), p.statusAt(), List.of(), List.of(),
                p.lastSignOff());
    }

    private Div header(PhaseState phase, IncidentSummary incident) {
        RouterLink back = new RouterLink("← " + incident.key() + " board", BoardView.class);
        back.setQueryParameters(QueryParameters.of("incident", incident.key()));
        H1 title = new H1(phase.title());
        Div badges = new Div(Tones.severity(phase.priority()), Tones.phase(phase.status()));
        if (phase.statusAt() != null) {
            badges.add(new com.vaadin.flow.component.html.Span("since " + HumanTime.time(phase.statusAt())
                    + (phase.statusBy() == null ? "" : " (" + phase.statusBy() + ")")));
        }
        badges.addClassName("phase-card-badges");
        Div header = new Div(back, title, badges);
        if (CurrentUser.hasRole(Roles.COMMANDER)) {
            header.add(new PhaseCommandBar(phase, teams.teams().stream().map(TeamSummary::name).toList(), incidents));
        }
        return header;
    }
}
