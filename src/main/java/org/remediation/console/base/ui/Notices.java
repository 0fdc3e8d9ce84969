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

    /**
     * Marks each named field invalid with its message beside it, clears the others, and says in the
     * toast what is not beside a field; field ids never reach the user (issue 15, item 11).
     */
    public static void showProblems(InvalidInputException e, Map<String, ? extends HasValidation> fields) {
        java.util.List<String> elsewhere = mark(e.problems(), fields);
        int beside = e.problems().size() - elsewhere.size();
        String text = (beside == 0 ? "" : beside == 1 ? "One field needs attention (see beside it). "
                : beside + " fields need attention (see beside each). ") + String.join(" ", elsewhere);
        error(text.strip());
    }

    /**
     * Puts each problem beside its field and clears the fields without one; returns the messages of
     * problems that name no field of the form (to be said elsewhere).
     */
    public static java.util.List<String> mark(java.util.List<InvalidInputException.Problem> problems,
                                              Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
        java.util.List<String> elsewhere = new java.util.ArrayList<>();
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        for (InvalidInputException.Problem p : problems) {
            if (fields.containsKey(p.field())) {
                byField.merge(p.field(), p.message(), (a, b) -> a + " " + b);
            } else {
                elsewhere.add(p.message());
            }
        }
        byField.forEach((name, message) -> {
            HasValidation field = fields.get(name);
            field.setErrorMessage(message);
            field.setInvalid(true);
        });
        return elsewhere;
    }
}
