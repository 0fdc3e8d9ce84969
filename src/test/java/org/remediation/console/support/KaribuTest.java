package org.remediation.console.support;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.html.H1;
import org.assertj.core.api.Assertions;
import org.remediation.console.base.ui.AccessDeniedView;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.remediation.console.security.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Base for Karibu view tests: a mocked Vaadin environment on the real Spring context. */
@SpringBootTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.remediation.console");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in as {@code username} with these roles, as Spring Security would, and reloads the UI. */
    protected void login(String username, Role... roles) {
        List<GrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        var auth = new UsernamePasswordAuthenticationToken(new User(username, "", authorities), null, authorities);
        var securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(auth);
        SecurityContextHolder.setContext(securityContext);
        Set<String> names = Arrays.stream(roles).map(Enum::name).collect(Collectors.toSet());
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> names.contains(role));
        UI.getCurrent().getPage().reload();
    }

    protected void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    /** The address opens the console's "not available to your role" page instead of the view. */
    protected void assertDenied(String location) {
        navigate(location);
        LocatorJ._get(AccessDeniedView.class);
        Assertions.assertThat(LocatorJ._get(H1.class).getText()).isEqualTo("Not available to your role");
    }
}
