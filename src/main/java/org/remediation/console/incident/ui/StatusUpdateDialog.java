package org.remediation.console.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

/** Shows a drafted Markdown status update, editable, with a copy button. */
class StatusUpdateDialog extends Dialog {

    StatusUpdateDialog(String markdown) {
        setHeaderTitle("Status update (Markdown)");
        TextArea text = new TextArea();
        text.setValue(markdown);
        text.setWidth("70vw");
        text.setHeight("60vh");
        text.addClassName("mono");
        text.setId("status-update-text");
        add(text);
        getFooter().add(Clipboard.button("Copy", text::getValue), new Button("Close", e -> close()));
    }
}
