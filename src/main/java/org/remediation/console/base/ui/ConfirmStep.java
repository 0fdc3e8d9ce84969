package org.remediation.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import org.jspecify.annotations.Nullable;

/**
 * A second click for what cannot be undone (approve, execute, sign off): the dialog restates what will
 * happen, with the detail it happens to (a diff), and Cancel has the focus so Enter does not confirm
 * by reflex. The confirm button's id is {@code yes-<id>}.
 */
public final class ConfirmStep extends Dialog {

    public ConfirmStep(String id, String title, String consequence, @Nullable Component detail, String confirmLabel,
                       Runnable onConfirm) {
        setHeaderTitle(title);
        setId("confirm-dialog-" + id);
        Paragraph what = new Paragraph(consequence);
        what.setId("confirm-text-" + id);
        add(what);
        if (detail != null) {
            add(detail);
        }
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("cancel-" + id);
        cancel.setAutofocus(true);
        Button confirm = new Button(confirmLabel, e -> {
            close();
            onConfirm.run();
        });
        confirm.setId("yes-" + id);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
        setMaxWidth("60em");
    }
}
