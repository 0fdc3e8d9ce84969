package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.NewApiToken;
import org.remediation.console.security.Role;

/**
 * Creates a token (a person's own, or a service account's), then shows its value this once: the console
 * stores only a hash, so closing the dialog loses the value for good.
 */
class NewTokenDialog extends Dialog {

    /** The service call that creates the token; validation problems come back as InvalidInputException. */
    @FunctionalInterface
    interface Creator {
        NewApiToken create(String name, Duration validFor, Set<Role> roles);
    }

    static final List<Integer> EXPIRY_DAYS = List.of(7, 30, 90, 365);

    private final TextField name = new TextField("Name");
    private final Select<Integer> expiry = new Select<>();
    private final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
    private final Creator creator;

    /**
     * {@code allowed} are the roles the owner holds (the only ones offered); {@code checked} those ticked at
     * first. {@code onClosed} runs however the dialog closes, so the list behind it shows the new token.
     */
    NewTokenDialog(String title, Set<Role> allowed, Set<Role> checked, Creator creator, Runnable onClosed) {
        this.creator = creator;
        setHeaderTitle(title);
        name.setId("token-name");
        name.setHelperText("After what uses it, e.g. 'ci-smoke' or 'grafana'");
        name.setRequiredIndicatorVisible(true);
        expiry.setId("token-expiry");
        expiry.setLabel("Expires after");
        expiry.setItems(EXPIRY_DAYS);
        expiry.setItemLabelGenerator(days -> days + " days");
        expiry.setValue((int) ApiTokenService.DEFAULT_VALIDITY.toDays());
        roles.setId("token-roles");
        roles.setItems(allowed.stream().sorted().toList());
        roles.setItemLabelGenerator(r -> r.name() + " — " + r.description());
        roles.setValue(checked);
        roles.setHelperText("What the token may do: at most what its owner may, and only while the owner may");
        add(new FormLayout(name, expiry, roles));
        Button create = new Button("Create token", e -> create());
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                onClosed.run();
            }
        });
        setWidth("40em");
    }

    private void create() {
        try {
            Integer days = expiry.getValue();
            NewApiToken created = creator.create(name.getValue(), Duration.ofDays(days == null ? 0 : days),
                    roles.getValue());
            reveal(created);
        } catch (InvalidInputException e) {
            Notices.showProblems(e, Map.of("name", name, "expiry", expiry, "roles", roles));
        }
    }

    /** Replaces the form by the value, shown this once, with a copy button and a plain selectable field. */
    private void reveal(NewApiToken created) {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle("Token '" + created.token().name() + "' created");
        Paragraph once = new Paragraph("Shown once — store it now. Copy the token into your secret store or CI "
                + "variable before closing: the console keeps only a hash and cannot show it again. "
                + "If it is lost, revoke it and create another.");
        once.setId("token-once");
        once.addClassName("token-once");
        TextField value = new TextField("Token");
        value.setId("token-value");
        value.setValue(created.value());
        value.setReadOnly(true);
        value.setAutoselect(true);
        value.setWidthFull();
        Button copy = new Button("Copy");
        copy.setId("token-copy");
        // runs in the browser inside the click (clipboard writes need the user's gesture); no add-on, no bundle
        Clipboard.onClick(copy).writeText(value);
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(once, row, new Paragraph("Use it as 'Authorization: Bearer " + created.token().prefix() + "…'. Expires "
                + HumanTime.timestamp(created.token().expiresAt()) + "."));
        Button done = new Button("I have stored it", e -> close());
        done.setId("token-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        // a stray click beside the dialog must not throw the only copy away
        setCloseOnOutsideClick(false);
        Notices.success("Token created");
    }
}
