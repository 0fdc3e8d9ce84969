package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.incident.PhaseState;
import org.remediation.console.incident.SignOffService;

/** The commander signs off despite the gate: lists what is bypassed and demands a written reason. */
class OverrideDialog extends Dialog {

    OverrideDialog(PhaseState phase, List<String> reasons, SignOffService signOffs, Runnable reload) {
        setHeaderTitle("Override the sign-off of " + phase.title());
        setId("override-dialog");
        UnorderedList list = new UnorderedList();
        reasons.forEach(r -> list.add(new ListItem(r)));
        TextArea reason = new TextArea("Why sign off anyway? (at least 10 characters; shown on the board, "
                + "the timeline and the audit trail)");
        reason.setId("override-reason");
        reason.setWidthFull();
        Button confirm = new Button("Override and sign off", e -> {
            try {
                signOffs.overrideSignOff(phase.id(), reason.getValue());
                Notices.success("Phase signed off with an override");
                close();
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, Map.of("reason", reason));
            } catch (RuntimeException ex) {
                Notices.error(ex.getMessage());
                close();
                reload.run();
            }
        });
        confirm.setId("override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        add(new Paragraph("This bypasses:"), list, reason);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
