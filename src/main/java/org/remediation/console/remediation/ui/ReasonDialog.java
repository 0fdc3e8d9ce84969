package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Asks for a short reason (rejection, rollback) before the call is made. */
class ReasonDialog extends Dialog {

    ReasonDialog(String title, Consumer<String> onConfirm) {
        setHeaderTitle(title);
        TextArea reason = new TextArea("Reason");
        reason.setId("reason-text");
        reason.setWidthFull();
        add(reason);
        Button ok = new Button("Confirm", e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Say why: it goes into the audit trail.");
                reason.setInvalid(true);
                return;
            }
            close();
            onConfirm.accept(reason.getValue().trim());
        });
        ok.setId("reason-confirm");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
    }
}
