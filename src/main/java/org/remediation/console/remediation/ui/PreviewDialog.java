package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.remediation.console.remediation.ActionPreview;

/** Shows a preview before the request is submitted, with the approval rule the server will apply. */
class PreviewDialog extends Dialog {

    PreviewDialog(ActionPreview previewed, Runnable submit) {
        setHeaderTitle(previewed.preview().kind().label() + " — preview");
        setWidth("min(900px, 95vw)");
        add(new PreviewPanel(previewed.preview()));
        Paragraph rule = new Paragraph(previewed.approvalRequired()
                ? "Needs a second person (OPERATOR or COMMANDER, not you): " + String.join("; ", previewed.approvalReasons()) + "."
                : "No approval needed (" + previewed.severityBasis() + ").");
        rule.setId("approval-rule");
        add(rule);
        boolean needsApproval = previewed.approvalRequired();
        Button confirm = new Button(needsApproval ? "Request (needs a second person)" : "Request", e -> {
            close();
            submit.run();
        });
        confirm.setId("submit-request");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
