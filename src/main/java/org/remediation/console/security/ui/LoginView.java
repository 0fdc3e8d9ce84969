package org.remediation.console.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Remediation Console")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph ended = new Paragraph("Your session was ended because your access changed (account "
            + "disabled, a role removed or the password reset). Sign in again, or ask an administrator.");

    public LoginView() {
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle("Sign-in failed");
        error.setMessage("Wrong username or password. After repeated failures each try waits a little longer "
                + "(seconds, at most minutes); no account is locked.");
        form.setI18n(i18n);
        Div box = new Div(new H1("Remediation Console"),
                new Paragraph("One live board for the outage: plan, probes, criteria, actions, audit."), ended, form);
        ended.setId("session-ended");
        ended.setVisible(false);
        box.addClassName("login-box");
        add(box);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        // the throttle's answer names the wait; Spring Security keeps the last failure in the session
        Object last = com.vaadin.flow.server.VaadinSession.getCurrent() == null ? null
                : com.vaadin.flow.server.VaadinSession.getCurrent().getSession().getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        if (parameters.containsKey("error") && last instanceof org.remediation.console.security.LoginThrottled e) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Please wait");
            i18n.getErrorMessage().setMessage(e.getMessage());
            form.setI18n(i18n);
        }
        ended.setVisible(parameters.containsKey("ended"));
    }
}
