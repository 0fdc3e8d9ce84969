package org.remediation.console.remediation.ui;

import org.remediation.console.base.ui.ConfirmStep;
import org.remediation.console.remediation.ActionRecord;

/** The second click before an action is approved or executed, restating what will happen (issue 15, item 12). */
final class Confirmations {

    private Confirmations() {
    }

    /** Approve: who asked for what, what the approval binds to, and the diff being approved. */
    static ConfirmStep approve(ActionRecord a, Runnable approve) {
        return new ConfirmStep("approve", "Approve action #" + a.id() + "?", "You approve, as the second person, this"
                + " change requested by " + a.requestedBy() + ": " + a.title() + ". It binds to the live state read at "
                + ActionFormat.time(a.preview().readAt()) + "; anyone with OPERATOR or COMMANDER may then execute it"
                + " until the approval expires.", new PreviewPanel(a.preview()), "Approve this change", approve);
    }

    /** Execute: the resource, the attributes that change, side effects and the watch window. */
    static ConfirmStep execute(ActionRecord a, Runnable execute) {
        String changes = String.join(", ", a.preview().changes().stream()
                .map(r -> r.attribute() + " " + r.before() + " → " + r.after()).toList());
        String effects = a.preview().sideEffects().isEmpty() ? "" : " Side effects: " + String.join(", ",
                a.preview().sideEffects().stream().map(e -> e.label()).toList()) + ".";
        return new ConfirmStep("execute", "Execute action #" + a.id() + " now?", "This changes " + a.preview().resource()
                + " in the live cloud: " + changes + "." + effects + (a.watchMinutes() > 0 ? " Its watch window then runs for "
                + a.watchMinutes() + " min." : ""), null, "Execute now", execute);
    }
}
