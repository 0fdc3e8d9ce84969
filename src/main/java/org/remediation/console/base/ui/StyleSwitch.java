package org.remediation.console.base.ui;

import com.vaadin.flow.component.HasStyle;
import java.util.List;

/** Picks one class out of a family (a state's colour). Leaves the element untouched when it already
 * shows that one, so a refresh that changes nothing sends nothing to the browser. */
public final class StyleSwitch {

    private StyleSwitch() {
    }

    public static void select(HasStyle component, List<String> family, String wanted) {
        for (String other : family) {
            if (!other.equals(wanted) && component.hasClassName(other)) {
                component.removeClassName(other);
            }
        }
        if (!component.hasClassName(wanted)) {
            component.addClassName(wanted);
        }
    }
}
