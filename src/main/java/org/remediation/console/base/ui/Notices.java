package org.remediation.console.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;

/** Consistent feedback: success toasts, error toasts, and field errors from a rejected input. */
public final class Notices {

    private Notices() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Something accepted that the user should still act on; stays until closed or 15 s. */
    public static void warning(String text) {
        Notification n = Notification.show(text, 15000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    /** Marks each named field invalid with its message, clears the others, and shows the summary. */
    public static void showProblems(InvalidInputException e, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        for (InvalidInputException.Problem p : e.problems()) {
            HasValidation field = fields.get(p.field());
            if (field != null) {
                field.setErrorMessage(p.message());
                field.setInvalid(true);
            }
        }
        error(e.getMessage());
    }
}
