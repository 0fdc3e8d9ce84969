package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.SettingException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/** Combinations that cannot work are refused at start, each with one line naming the setting. */
class SsoSettingsTest {

    private static SsoProperties sso(boolean enabled, boolean local, Map<String, Set<Role>> roles) {
        return new SsoProperties(enabled, "sso", local, "preferred_username", "groups", roles, Map.of(),
                SsoProperties.Unmapped.VIEWER);
    }

    private static ClientRegistration registration(String... scopes) {
        return ClientRegistration.withRegistrationId("sso").clientId("c").clientSecret("s").clientName("Keycloak")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}").scope(scopes)
                .authorizationUri("https://idp.example/auth").tokenUri("https://idp.example/token").build();
    }

    @Test
    void localAccountsOffWithoutSingleSignOnIsRefused() {
        assertThatThrownBy(() -> SsoSettings.of(sso(false, false, Map.of()), null))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("console.sso.local-accounts: local accounts are off but single sign-on is not on")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void singleSignOnWithoutARegistrationIsRefused() {
        assertThatThrownBy(() -> SsoSettings.of(sso(true, true, Map.of()), null))
                .hasMessageStartingWith("console.sso.registration: ").hasMessageContaining("issuer-uri");
    }

    @Test
    void aRegistrationWithoutTheOpenidScopeIsRefused() {
        assertThatThrownBy(() -> SsoSettings.of(sso(true, true, Map.of()), registration("profile")))
                .hasMessageStartingWith("spring.security.oauth2.client.registration.sso.scope: must include openid");
    }

    @Test
    void localAccountsOffWithoutAGroupMappedToAdminIsRefused() {
        assertThatThrownBy(() -> SsoSettings.of(sso(true, false, Map.of("ops", Set.of(Role.OPERATOR))),
                registration("openid")))
                .hasMessageStartingWith("console.sso.roles: local accounts are off and no group maps to ADMIN");
    }

    @Test
    void metricsCannotBeMappedToPeople() {
        assertThatThrownBy(() -> SsoSettings.of(sso(true, true, Map.of("scrapers", Set.of(Role.METRICS))),
                registration("openid"))).hasMessageStartingWith("console.sso.roles: METRICS");
    }

    @Test
    void aWorkingConfigurationNamesTheProviderForTheButton() {
        SsoSettings settings = SsoSettings.of(sso(true, false, Map.of("admins", Set.of(Role.ADMIN))),
                registration("openid", "profile"));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.localAccounts()).isFalse();
        assertThat(settings.providerName()).isEqualTo("Keycloak");
        assertThat(settings.signInPath()).isEqualTo("/oauth2/authorization/sso");
        assertThat(SsoSettings.of(sso(false, true, Map.of()), null).enabled()).isFalse();
    }
}
