package org.remediation.console.incident.ui;

import org.remediation.console.base.ui.Focus;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.criteria.ui.EscalationBanner;
import org.remediation.console.criteria.ui.KpiTiles;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.incident.IncidentChanged;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.IncidentSummary;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.StatusUpdateService;

/** The incident commander's screen: the current incident and one live card per phase. */
@Route("")
@PageTitle("Board · Remediation Console")
@Menu(order = 0, title = "Board")
@PermitAll
public class BoardView extends Main implements BeforeEnterObserver {

    private final IncidentService incidents;
    private final StatusUpdateService updates;
    private final Clock clock;
    private final CriteriaService criteria;
    private final EscalationService escalations;
    private final LiveEvents live;
    private @Nullable String selectedKey;
    /** KPI tiles and escalation banner update themselves; they are rebuilt only when the incident changes. */
    private @Nullable Div liveHeader;
    private @Nullable String liveHeaderKey;
    private @Nullable Shown shown;
    private @Nullable IncidentHeader header;
    private @Nullable Div cards;

    public BoardView(IncidentService incidents, StatusUpdateService updates, LiveEvents live, Clock clock,
                     CriteriaService criteria, EscalationService escalations) {
        this.incidents = incidents;
        this.updates = updates;
        this.clock = clock;
        this.criteria = criteria;
        this.escalations = escalations;
        this.live = live;
        addClassName("page");
        setId("board");
        LiveSubscription.bind(this, live, IncidentChanged.class, e -> render());
        LiveSubscription.bind(this, live, Ticker.Tick.class, e -> render());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        selectedKey = event.getLocation().getQueryParameters().getSingleParameter("incident").orElse(null);
        shown = null; // a navigation (possibly to another incident) draws the board afresh
        render();
    }

    /**
     * Shows the current state. Only what changed is replaced: a tick that moves no minute, or an
     * event about something this board does not show, sends nothing to the browser, and a change in
     * one phase replaces that phase's card alone, so fifty open boards stay cheap and a click on an
     * untouched card is never lost to a rebuild.
     */
    private void render() {
        List<IncidentSummary> all = incidents.list();
        Optional<IncidentSummary> found = selectedKey == null ? incidents.current() : incidents.find(selectedKey);
        if (found.isEmpty()) {
            if (shown != null || getComponentCount() == 0) {
                removeAll();
                add(new H1("No incident is open"), new Paragraph("When an incident is opened its live board appears here."));
            }
            shown = null;
            return;
        }
        IncidentSummary incident = found.get();
        Instant now = clock.instant();
        Shown next = new Shown(all, incident, incidents.phases(incident.key()), now.truncatedTo(ChronoUnit.MINUTES));
        if (next.equals(shown)) {
            return;
        }
        if (shown != null && header != null && cards != null && shown.sameLayout(next)) {
            boolean everyCard = !next.minute().equals(shown.minute()) || !next.incident().startedAt().equals(shown.incident().startedAt());
            if (everyCard || !next.incident().equals(shown.incident())) {
                IncidentHeader fresh = new IncidentHeader(incident, now, incidents, updates);
                replace(header, fresh);
                header = fresh;
            }
            for (int i = 0; i < next.phases().size(); i++) {
                PhaseState phase = next.phases().get(i);
                if (everyCard || !phase.equals(shown.phases().get(i))) {
                    cards.replace(cards.getComponentAt(i), new PhaseCard(phase, incident.startedAt(), now));
                }
            }
            Focus.keep(this); // a replaced header or card may have held the keyboard focus
            shown = next;
            return;
        }
        removeAll();
        if (all.size() > 1) {
            add(picker(all, incident));
        }
        add(liveHeader(incident.key()));
        header = new IncidentHeader(incident, now, incidents, updates);
        add(header);
        cards = new Div();
        cards.addClassName("phase-cards");
        for (PhaseState phase : next.phases()) {
            cards.add(new PhaseCard(phase, incident.startedAt(), now));
        }
        add(cards);
        if (shown != null) {
            Focus.keep(this); // rebuilt under a user who may have had the focus in it
        }
        shown = next;
    }

    /** What the board shows, to the minute its times are written in. */
    private record Shown(List<IncidentSummary> all, IncidentSummary incident, List<PhaseState> phases, Instant minute) {

        /** Same incidents to pick from and the same phases in the same order: cards can be swapped one by one. */
        boolean sameLayout(Shown next) {
            return all.equals(next.all) && incident.key().equals(next.incident.key())
                    && phases.stream().map(PhaseState::key).toList().equals(next.phases.stream().map(PhaseState::key).toList());
        }
    }

    private Div liveHeader(String incidentKey) {
        if (liveHeader == null || !incidentKey.equals(liveHeaderKey)) {
            liveHeader = new Div(new EscalationBanner(escalations, live, incidentKey),
                    new KpiTiles(criteria, live, incidentKey));
            liveHeader.addClassName("board-live-header");
            liveHeaderKey = incidentKey;
        }
        return liveHeader;
    }

    private Select<IncidentSummary> picker(List<IncidentSummary> all, IncidentSummary shown) {
        Select<IncidentSummary> picker = new Select<>();
        picker.setId("incident-picker");
        picker.setLabel("Incident");
        picker.setItems(all);
        picker.setItemLabelGenerator(i -> i.key() + " · " + i.title() + (i.pinned() ? " (current)" : ""));
        all.stream().filter(i -> i.key().equals(shown.key())).findFirst().ifPresent(picker::setValue);
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate("", QueryParameters.of("incident", e.getValue().key())));
            }
        });
        return picker;
    }
}
