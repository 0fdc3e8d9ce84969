package org.remediation.console.security.ui;

import org.remediation.console.base.identity.Roles;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.security.AccountKind;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.security.UserSummary;

/** Create a user, or edit one: name, roles, enabled, password reset. */
class UserDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Name");
    private final PasswordField password = new PasswordField();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    private final Checkbox enabled = new Checkbox("Enabled");
    private final UserAdminService admin;
    private final @Nullable UserSummary existing;
    private final Runnable onSaved;

    UserDialog(UserAdminService admin, @Nullable UserSummary existing, Runnable onSaved) {
        this.admin = admin;
        this.existing = existing;
        this.onSaved = onSaved;
        boolean service = existing != null && existing.kind() == AccountKind.SERVICE;
        setHeaderTitle(existing == null ? "New user" : service ? "Edit service account " + existing.username()
                : "Edit " + existing.username());
        username.setId("user-username");
        displayName.setId("user-display-name");
        password.setId("user-password");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(r -> r.name() + " — " + r.description());
        password.setLabel(existing == null ? "Password" : "New password (leave empty to keep)");
        password.setHelperText("At least 12 characters, letters and digits");
        if (existing != null) {
            username.setValue(existing.username());
            username.setReadOnly(true);
            displayName.setValue(existing.displayName());
            roles.setValue(existing.roles());
            enabled.setValue(existing.enabled());
        }
        FormLayout form = new FormLayout(username, displayName, password, roles);
        if (existing != null) {
            form.add(enabled);
        }
        if (service) {
            // nobody knows a service account's password and nobody should: it acts only through its tokens
            form.remove(password);
            add(new Paragraph("Service account: it cannot sign in and has no password to reset. Its tokens are "
                    + "under Service accounts; disabling it revokes them."));
        }
        add(form);
        Button save = new Button("Save", e -> save());
        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()));
        getFooter().add(save);
    }

    private void save() {
        run(() -> {
            if (existing == null) {
                admin.createUser(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue());
                return;
            }
            admin.updateUser(existing.username(), displayName.getValue(), roles.getValue());
            if (!password.isEmpty() && existing.kind() == AccountKind.PERSON) {
                admin.resetPassword(existing.username(), password.getValue());
            }
            if (enabled.getValue() != existing.enabled()) {
                admin.setEnabled(existing.username(), enabled.getValue());
            }
        });
    }

    private void run(Runnable change) {
        try {
            change.run();
            Notices.success("Saved");
            onSaved.run();
            close();
        } catch (InvalidInputException e) {
            Map<String, HasValidation> fields = Map.of("username", username, "displayName", displayName,
                    "password", password, "roles", roles);
            Notices.showProblems(e, fields);
        }
    }
}
