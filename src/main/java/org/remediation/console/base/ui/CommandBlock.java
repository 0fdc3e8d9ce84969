package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Pre;

/** Preformatted text (a command, a procedure) that keyboard users can focus and so scroll when it is wide. */
public class CommandBlock extends Pre {

    public CommandBlock(String text) {
        super(text);
        getElement().setAttribute("tabindex", "0");
    }
}
