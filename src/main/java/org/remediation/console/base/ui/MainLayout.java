package org.remediation.console.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

/** The shell: navigation to the views this user may open, who is signed in, and logout. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext auth, java.util.List<NavBadge> badges) {
        setPrimarySection(Section.DRAWER);
        Span title = new Span("Remediation Console");
        title.addClassName("app-title");
        addToNavbar(new DrawerToggle(), title, userBox(auth));
        addToDrawer(navigation(badges));
    }

    private static SideNav navigation(java.util.List<NavBadge> badges) {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
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
