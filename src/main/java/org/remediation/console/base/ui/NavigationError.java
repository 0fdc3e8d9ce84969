package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;

/** The body of an error page inside the console's layout: what happened, why, and a way back to the board. */
final class NavigationError {

    private NavigationError() {
    }

    static void fill(Div page, String title, String reason) {
        page.removeAll();
        page.addClassNames("page", "navigation-error");
        Anchor board = new Anchor("./", "Back to the board");
        board.getElement().setAttribute("router-link", true); // the router navigates: no page reload
        board.setId("back-to-board");
        page.add(new H1(title), new Paragraph(reason), board);
    }
}
