package org.remediation.console.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.remediation.console.security.Role;
import org.remediation.console.security.ui.LoginView;
import org.remediation.console.support.KaribuTest;

class NavigationTest extends KaribuTest {

    /** The navigation each role must see, exactly: the views that exist and that it may open. */
    static final Map<Role, List<String>> EXPECTED = NavigationExpectations.byRole();

    @Test
    void anonymousVisitorsLandOnTheLoginView() {
        navigate("audit");
        _get(LoginView.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"METRICS", "REPORTER"}, mode = EnumSource.Mode.EXCLUDE) // service accounts: no sign-in
    void eachRoleSeesExactlyItsNavigation(Role role) {
        login(role.name().toLowerCase(), role);
        navigate("");
        List<String> titles = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(titles).containsExactlyElementsOf(EXPECTED.get(role));
    }

    @Test
    void aViewerWhoTypesTheAuditAddressDoesNotGetTheAuditView() {
        login("viewer", Role.VIEWER);
        assertDenied("audit");
        assertThat(_find(org.remediation.console.audit.ui.AuditView.class)).isEmpty();
    }
}
