package org.remediation.console.base.ui;

import com.vaadin.flow.component.HasText;

/** Vaadin's setText replaces the text node even when the text is the same; live refreshes use this. */
public final class Texts {

    private Texts() {
    }

    public static void set(HasText component, String text) {
        if (!text.equals(component.getText())) {
            component.setText(text);
        }
    }
}
