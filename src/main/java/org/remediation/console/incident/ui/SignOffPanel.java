package org.remediation.console.incident.ui;

import org.remediation.console.base.ui.Focus;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.ui.ConfirmStep;
import org.remediation.console.criteria.EvidenceSnapshot;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.SignOffRecord;
import org.remediation.console.incident.SignOffService;
import org.remediation.console.base.identity.CurrentUser;

/** Sign-off state, what still blocks it, and the sign-off / override buttons for those allowed. */
class SignOffPanel extends Div {

    SignOffPanel(PhaseState phase, SignOffService signOffs, Runnable reload) {
        addClassName("signoff-panel");
        setId("signoff-panel");
        add(new H3("Sign-off"));
        SignOffRecord last = phase.lastSignOff();
        if (phase.signedOff() && last != null) {
            add(new Paragraph("Signed off by " + last.signedBy() + " at " + HumanTime.time(last.signedAt())));
            if (last.override()) {
                StatusBadge loud = new StatusBadge("OVERRIDE — reason: " + last.overrideReason(), StatusBadge.Tone.BAD);
                loud.setId("signoff-override");
                add(loud);
            }
            List<EvidenceSnapshot> frozen = signOffs.frozenEvidence(last);
            if (!frozen.isEmpty()) {
                UnorderedList evidence = new UnorderedList();
                evidence.setId("frozen-evidence");
                frozen.forEach(e -> evidence.add(new ListItem(line(e))));
                add(new Paragraph("Evidence frozen at sign-off:"), evidence);
            }
            return;
        }
        List<String> reasons = signOffs.blockingReasons(phase.id());
        UnorderedList list = new UnorderedList();
        list.setId("blocking-reasons");
        reasons.forEach(r -> list.add(new ListItem(r)));
        add(reasons.isEmpty() ? new Paragraph("Nothing blocks the sign-off.")
                : new Paragraph("Blocked by " + reasons.size() + " item(s):"), list);
        if (signOffs.maySignOff(phase.id())) {
            Button signOff = new Button("Sign off phase…", e -> org.remediation.console.base.ui.Focus.openFrom(new ConfirmStep("sign-off", "Sign off '" + phase.title() + "'?",
                    "Signing off closes the phase for " + phase.ownerTeam() + ": the evidence of its "
                    + phase.criteria().size() + " criteria is frozen as it is now, the checklist can no longer change,"
                    + " and phases that depend on it may start.", null, "Sign off", () -> TaskRow.apply(() -> {
                        signOffs.signOff(phase.id());
                        Notices.success("Phase signed off");
                    }, reload)), "sign-off"));
            signOff.setId("sign-off");
            signOff.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            signOff.setEnabled(reasons.isEmpty());
            add(signOff);
        }
        if (CurrentUser.hasRole(Roles.COMMANDER) && !reasons.isEmpty()) {
            Button override = new Button("Override and sign off…",
                    e -> {
                        OverrideDialog dialog = new OverrideDialog(phase, reasons, signOffs, reload);
                        Focus.returnOnClose(dialog, "override-sign-off");
                        dialog.open();
                    });
            override.setId("override-sign-off");
            override.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(override);
        }
    }

    /** One frozen criterion by its title: a manual one with who confirmed it and the note. */
    static String line(EvidenceSnapshot e) {
        if (e.manual()) {
            return e.label() + ": " + (e.confirmedBy() == null ? "not confirmed"
                    : "confirmed by " + e.confirmedBy() + " — " + e.value()) + " — " + e.state().label();
        }
        return e.label() + ": " + e.value() + " (needs " + e.comparator() + " " + e.threshold()
                + (e.window().isEmpty() ? "" : " over " + e.window()) + ", " + e.sampleCount() + " samples) — "
                + e.state().label();
    }
}
