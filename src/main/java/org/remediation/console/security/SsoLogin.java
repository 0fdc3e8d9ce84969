package org.remediation.console.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.stereotype.Component;

/**
 * Puts OpenID Connect sign-in into the Vaadin filter chain when single sign-on is on: the authorization
 * code flow with PKCE (for confidential clients too), the console's {@link SsoUserService}, the ID token
 * decoder of {@link SsoConfig}, and sign-out through the provider (RP-initiated logout) where it offers one.
 * With local accounts off, a posted password is refused here.
 */
@Component
class SsoLogin {

    static final String LOGIN_PAGE = "/login";
    static final String AFTER_LOGOUT = "{baseUrl}/login?logout";
    /** The audit's name for failed provider sign-ins (subject {@code user:(single sign-on)}). */
    static final String FAILED_NAME = "(single sign-on)";

    private final SsoSettings settings;
    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final SsoUserService users;
    private final JwtDecoderFactory<ClientRegistration> decoders;
    private final ApplicationEventPublisher events;
    private final FailedLogins failures;

    SsoLogin(SsoSettings settings, ObjectProvider<ClientRegistrationRepository> registrations, SsoUserService users,
             JwtDecoderFactory<ClientRegistration> decoders, ApplicationEventPublisher events, FailedLogins failures) {
        this.failures = failures;
        this.settings = settings;
        this.registrations = registrations;
        this.users = users;
        this.decoders = decoders;
        this.events = events;
    }

    /**
     * The chain's one authentication manager: the provider's answers go to the OIDC provider, passwords to
     * the form's manager (or are refused). One manager, because an explicit one replaces the providers
     * that {@code oauth2Login()} would register.
     */
    AuthenticationManager manager(AuthenticationManager passwords) {
        if (!settings.enabled()) {
            return passwords;
        }
        OidcAuthorizationCodeAuthenticationProvider oidc = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), users);
        oidc.setJwtDecoderFactory(decoders);
        ProviderManager provider = new ProviderManager(oidc);
        provider.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return authentication -> {
            if (authentication instanceof OAuth2LoginAuthenticationToken) {
                try {
                    return provider.authenticate(authentication);
                } catch (OAuth2AuthenticationException e) {
                    failed(authentication, e);
                    throw e;
                }
            }
            if (!settings.localAccounts()) {
                throw new PasswordSignInOff(settings.providerName());
            }
            return passwords.authenticate(authentication);
        };
    }

    /**
     * A protocol failure (bad signature, expired token, wrong nonce, the provider's own error) names nobody we
     * can trust: counted compactly under one name, like failed passwords, since a forger can repeat it.
     * The console's own refusals are audited one by one by {@link SsoAccounts}.
     */
    private void failed(Authentication attempt, OAuth2AuthenticationException e) {
        if (!SsoUserService.REFUSED.equals(e.getError().getErrorCode())) {
            failures.count(FAILED_NAME, true, ThrottledLogin.address(attempt), "sso " + e.getError().getErrorCode());
        }
    }

    void configure(HttpSecurity http) throws Exception {
        if (!settings.enabled()) {
            return;
        }
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations.getObject(), "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o.loginPage(LOGIN_PAGE).permitAll()
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                .userInfoEndpoint(u -> u.oidcUserService(users)));
    }

    /** Vaadin's logout (the "Log out" button) goes through the provider's end-session endpoint. */
    VaadinSecurityConfigurer logout(VaadinSecurityConfigurer vaadin) {
        if (!settings.enabled()) {
            return vaadin;
        }
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(
                registrations.getObject());
        handler.setPostLogoutRedirectUri(AFTER_LOGOUT);
        // a local account, or a provider without an end-session endpoint (Google): the sign-in page says so and
        // stays, instead of sending the person straight back to a provider that still knows them
        handler.setDefaultTargetUrl(LOGIN_PAGE + "?logout");
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        return vaadin.logoutSuccessHandler(handler);
    }
}
