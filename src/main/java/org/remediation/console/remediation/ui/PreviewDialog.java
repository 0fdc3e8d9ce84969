package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import org.remediation.console.remediation.Preview;

/** Shows a preview before the request is submitted. */
class PreviewDialog extends Dialog {

    PreviewDialog(Preview preview, boolean needsApproval, Runnable submit) {
        setHeaderTitle(preview.kind().label() + " — preview");
        setWidth("min(900px, 95vw)");
        add(new PreviewPanel(preview));
        Button confirm = new Button(needsApproval ? "Request (needs a second person)" : "Request", e -> {
            close();
            submit.run();
        });
        confirm.setId("submit-request");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
