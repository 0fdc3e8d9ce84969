package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;

/** Creates a service account: a name, a display name and its roles; it never signs in, it acts through tokens. */
class ServiceAccountDialog extends Dialog {

    ServiceAccountDialog(UserAdminService admin, Runnable onSaved) {
        setHeaderTitle("New service account");
        TextField username = new TextField("Username");
        username.setId("sa-username");
        username.setHelperText("What it is for, e.g. 'prometheus' or 'ci-smoke'");
        TextField displayName = new TextField("Name");
        displayName.setId("sa-display-name");
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setId("sa-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> r.name() + " — " + r.description());
        add(new Paragraph("A service account has no password anyone knows and cannot sign in: it acts only "
                + "through the tokens you create for it, with at most its roles. Usually METRICS for the "
                + "Prometheus scrape, REPORTER for a check that posts results."), new FormLayout(username,
                displayName, roles));
        Button save = new Button("Create", e -> {
            try {
                admin.createServiceAccount(username.getValue(), displayName.getValue(), roles.getValue());
                Notices.success("Service account '" + username.getValue() + "' created: now create a token for it");
                onSaved.run();
                close();
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, Map.of("username", username, "displayName", displayName, "roles", roles));
            }
        });
        save.setId("sa-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("40em");
    }
}
