package org.remediation.console.incident.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.remediation.console.base.ui.Notices;

/** Copy-to-clipboard through the browser's clipboard API (no client bundle needed). */
final class Clipboard {

    private Clipboard() {
    }

    static void copy(String text) {
        UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", text);
        Notices.success("Copied to the clipboard");
    }

    static Button button(String label, java.util.function.Supplier<String> text) {
        Button copy = new Button(label, VaadinIcon.COPY.create(), e -> copy(text.get()));
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return copy;
    }
}
