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
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.base.identity.CurrentUser;

/**
 * Open escalations of an incident as banners on the board, appearing and disappearing live; a
 * COMMANDER acknowledges them here (the service enforces the role).
 */
public class EscalationBanner extends Div {

    private final EscalationService escalations;
    private final String incidentKey;

    public EscalationBanner(EscalationService escalations, LiveEvents live, String incidentKey) {
        this.escalations = escalations;
        this.incidentKey = incidentKey;
        addClassName("escalation-banners");
        setId("escalation-banners");
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
    }

    private void refresh() {
        removeAll();
        for (EscalationAlert a : escalations.openAlerts(incidentKey)) {
            Div banner = new Div(new Span("Escalation: " + a.message()));
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
