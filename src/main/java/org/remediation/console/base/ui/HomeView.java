package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Landing page until the incident board exists. */
@Route("")
@PageTitle("Board · Remediation Console")
@Menu(order = 0, title = "Board")
@PermitAll
public class HomeView extends Main {

    public HomeView() {
        add(new H2("No incident is open"), new Paragraph("When an incident is opened its live board appears here."));
    }
}
