package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address the console does not have: said in the console's layout, with a way back. */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Remediation Console")
@PermitAll
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        NavigationError.fill(this, "Page not found",
                "There is no page at /" + event.getLocation().getPath() + ". It may have been mistyped or removed.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
