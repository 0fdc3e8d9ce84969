package org.remediation.console.criteria.ui;

import org.remediation.console.base.identity.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.criteria.EscalationAcknowledged;
import org.remediation.console.criteria.EscalationAlert;
import org.remediation.console.criteria.EscalationRaised;
import org.remediation.console.criteria.EscalationResolved;
import org.remediation.console.base.HumanTime;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.base.identity.CurrentUser;

/**
 * Escalations of an incident as banners on the board, appearing, updating and resolving live: an
 * open one says what it said when it fired and what holds now; one whose condition ended says when,
 * muted, for {@link #SHOW_RESOLVED}. A COMMANDER acknowledges them here (the service enforces the
 * role). The container is an ARIA live region, so a screen reader announces a new escalation.
 */
public class EscalationBanner extends Div {

    static final java.time.Duration SHOW_RESOLVED = java.time.Duration.ofMinutes(15);

    private final EscalationService escalations;
    private final String incidentKey;

    public EscalationBanner(EscalationService escalations, LiveEvents live, String incidentKey) {
        this.escalations = escalations;
        this.incidentKey = incidentKey;
        addClassName("escalation-banners");
        setId("escalation-banners");
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "assertive");
        refresh();
        LiveSubscription.bind(this, live, EscalationRaised.class, e -> {
            if (e.alert().incidentKey().equals(incidentKey)) {
                refresh();
            }
        });
        LiveSubscription.bind(this, live, EscalationAcknowledged.class, e -> {
            if (e.alert().incidentKey().equals(incidentKey)) {
                refresh();
            }
        });
        LiveSubscription.bind(this, live, EscalationResolved.class, e -> {
            if (e.alert().incidentKey().equals(incidentKey)) {
                refresh();
            }
        });
    }

    private void refresh() {
        removeAll();
        for (EscalationAlert a : escalations.recentlyResolved(incidentKey, SHOW_RESOLVED)) {
            Div banner = new Div(new Span("Resolved at " + HumanTime.hourMinute(java.util.Objects.requireNonNull(a.resolvedAt()))
                    + " UTC: " + a.message()));
            banner.addClassNames("escalation-banner", "escalation-resolved");
            banner.setId("escalation-" + a.id());
            add(banner);
        }
        for (EscalationAlert a : escalations.openAlerts(incidentKey)) {
            Span fired = new Span("Escalation (fired " + HumanTime.hourMinute(a.firedAt()) + " UTC): " + a.message());
            Div text = new Div(fired);
            if (!a.currentMessage().equals(a.message())) {
                Span now = new Span("Still true at " + HumanTime.clock(a.checkedAt()) + " UTC: " + a.currentMessage());
                now.addClassName("escalation-now");
                text.add(now);
            }
            Div banner = new Div(text);
            banner.addClassName("escalation-banner");
            banner.setId("escalation-" + a.id());
            if (CurrentUser.hasRole(Roles.COMMANDER)) {
                Button ack = new Button("Acknowledge", click -> acknowledge(a));
                ack.addThemeVariants(ButtonVariant.LUMO_SMALL);
                ack.setId("acknowledge-" + a.id());
                banner.add(ack);
            }
            add(banner);
        }
    }

    private void acknowledge(EscalationAlert a) {
        try {
            escalations.acknowledge(a.id());
        } catch (InvalidInputException e) {
            Notices.showProblems(e, java.util.Map.of());
        }
        refresh();
    }
}
