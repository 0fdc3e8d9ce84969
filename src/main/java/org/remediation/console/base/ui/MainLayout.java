package org.remediation.console.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.TreeSet;

/** The shell: navigation to the views this user may open, who is signed in, theme and logout. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    static final String MAIN_CONTENT = "main-content";

    public MainLayout(AuthenticationContext auth, java.util.List<NavBadge> badges) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span("Remediation Console");
        title.addClassName("app-title");
        addToNavbar(skipLink(), new DrawerToggle(), title, new ThemeSwitch(), userBox(auth));
        addToDrawer(navigation(badges));
        Focus.track(this);
    }

    /** Marks each view as the page's main region and the skip link's target (focusable by script only). */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().setAttribute("id", MAIN_CONTENT).setAttribute("role", "main").setAttribute("tabindex", "-1");
    }

    /** First in the tab order, visible when focused; moves focus past the navigation to the view. */
    private static Anchor skipLink() {
        Anchor skip = new Anchor("#" + MAIN_CONTENT, "Skip to content");
        skip.setId("skip-link");
        skip.addClassName("skip-link");
        // focus the target by script: the router would otherwise treat the fragment link as a navigation
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault();"
                + " const main = document.getElementById($0); if (main) { main.focus(); } })", MAIN_CONTENT);
        return skip;
    }

    private static SideNav navigation(java.util.List<NavBadge> badges) {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        nav.setLabel("Main navigation");
        MenuConfiguration.getMenuEntries().forEach(entry -> {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            badges.stream().filter(b -> b.path().equals(path)).findFirst().ifPresent(b -> item.setSuffixComponent(b.create()));
            nav.addItem(item);
        });
        return nav;
    }

    private static HorizontalLayout userBox(AuthenticationContext auth) {
        String name = auth.getPrincipalName().orElse("?");
        Span roles = new Span(String.join(", ", new TreeSet<>(auth.getGrantedRoles())));
        roles.addClassName("user-roles");
        Div who = new Div(new Span(name), roles);
        who.addClassName("user-box");
        Button logout = new Button("Log out", e -> auth.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        HorizontalLayout box = new HorizontalLayout(who, logout);
        box.addClassName("navbar-user");
        box.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        return box;
    }
}
