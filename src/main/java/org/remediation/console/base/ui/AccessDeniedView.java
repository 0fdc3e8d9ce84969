package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page this user's role may not open: said in the console's layout, with a way back. */
@ParentLayout(MainLayout.class)
@PageTitle("Not available · Remediation Console")
@PermitAll
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        NavigationError.fill(this, "Not available to your role",
                "The page /" + event.getLocation().getPath() + " needs a role you do not have. "
                        + "An administrator can change your roles; the navigation shows what you can open.");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
