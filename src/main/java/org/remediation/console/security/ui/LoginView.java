package org.remediation.console.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
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
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.remediation.console.security.LoginThrottled;
import org.remediation.console.security.PasswordSignInOff;
import org.remediation.console.security.SsoSettings;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Sign-in: the password form while local accounts are on, "Sign in with &lt;provider&gt;" while single sign-on
 * is on. With only the provider, a plain visit goes straight to it; a page with a message (refused, signed out,
 * session ended) stays, so that the message is read and no loop starts.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Remediation Console")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final SsoSettings sso;
    private final LoginForm form = new LoginForm();
    private final Paragraph ended = new Paragraph("Your session was ended because your access changed (account "
            + "disabled, a role removed or the password reset). Sign in again, or ask an administrator.");
    private final Paragraph signedOut = new Paragraph("You signed out.");
    private final Paragraph refused = new Paragraph();

    public LoginView(SsoSettings sso) {
        this.sso = sso;
        addClassName("login-view");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n("Sign-in failed", "Wrong username or password. After repeated failures each try waits a "
                + "little longer (seconds, at most minutes); no account is locked."));
        form.setVisible(sso.localAccounts());
        Div box = new Div(new H1("Remediation Console"),
                new Paragraph("One live board for the outage: plan, probes, criteria, actions, audit."), ended,
                signedOut, refused, form);
        if (sso.enabled()) {
            Anchor provider = new Anchor(sso.signInPath(), "Sign in with " + sso.providerName());
            provider.setRouterIgnore(true); // a server endpoint, not a view: a full page load
            provider.setId("sso-sign-in");
            provider.addClassName("sso-sign-in");
            box.add(provider);
        }
        ended.setId("session-ended");
        signedOut.setId("signed-out");
        refused.setId("sign-in-refused");
        refused.addClassName("sign-in-refused");
        box.addClassName("login-box");
        add(box);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        // Spring Security keeps the last failure in the session: the throttle names the wait, the provider's
        // refusal says why
        Object last = VaadinSession.getCurrent() == null ? null
                : VaadinSession.getCurrent().getSession().getAttribute("SPRING_SECURITY_LAST_EXCEPTION");
        boolean error = parameters.containsKey("error");
        form.setError(error && !(last instanceof OAuth2AuthenticationException));
        if (error && last instanceof LoginThrottled e) {
            form.setI18n(i18n("Please wait", e.getMessage()));
        }
        refused.setText(!error ? "" : last instanceof OAuth2AuthenticationException e ? refusal(e)
                : last instanceof PasswordSignInOff e ? e.getMessage() : "");
        refused.setVisible(!refused.getText().isEmpty());
        ended.setVisible(parameters.containsKey("ended"));
        signedOut.setVisible(parameters.containsKey("logout"));
        if (sso.enabled() && !sso.localAccounts() && parameters.isEmpty()) {
            UI.getCurrent().getPage().setLocation(sso.signInPath());
        }
    }

    private String refusal(OAuth2AuthenticationException e) {
        String description = e.getError().getDescription();
        if ("console_refused".equals(e.getError().getErrorCode()) && description != null) {
            return description;
        }
        return "Sign-in with " + sso.providerName() + " failed (" + e.getError().getErrorCode() + ")"
                + (description == null ? "" : ": " + description) + ". Try again, or ask an administrator.";
    }

    private static LoginI18n i18n(String title, String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        return i18n;
    }
}
