package org.remediation.console.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.Role;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AdminViewsTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @SuppressWarnings("unchecked")
    void aWeakPasswordInTheFormIsShownOnTheFieldAndNothingIsWritten() {
        login("admin", Role.ADMIN);
        navigate("admin/users");
        long before = jdbc.queryForObject("select count(*) from app_user", Long.class);
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "newbie");
        _setValue(_get(TextField.class, spec -> spec.withId("user-display-name")), "New Bie");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "weak");
        _setValue(_get(CheckboxGroup.class), Set.of(Role.VIEWER));
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("user-password"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("12 characters");
        assertThat(jdbc.queryForObject("select count(*) from app_user", Long.class)).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminCreatesAUserThroughTheForm() {
        login("admin", Role.ADMIN);
        navigate("admin/users");
        _click(_get(Button.class, spec -> spec.withId("new-user")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), "formuser");
        _setValue(_get(TextField.class, spec -> spec.withId("user-display-name")), "Form User");
        _setValue(_get(PasswordField.class, spec -> spec.withId("user-password")), "Form-user-pass-9");
        _setValue(_get(CheckboxGroup.class), Set.of(Role.RESPONDER));
        _click(_get(Button.class, spec -> spec.withId("user-save")));
        assertThat(jdbc.queryForObject("select count(*) from app_user where username = 'formuser'", Long.class))
                .isEqualTo(1);
    }
}
