package org.remediation.console.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/** Single sign-on wiring (README, "Single sign-on"); {@link SsoLogin} puts it into the Vaadin filter chain. */
@Configuration
class SsoConfig {

    @Bean
    SsoSettings ssoSettings(SsoProperties sso, ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        return SsoSettings.of(sso, sso.enabled() && repository != null
                ? repository.findByRegistrationId(sso.registration()) : null);
    }

    /** Checks an ID token: signature against the provider's published keys, issuer, audience, expiry. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory() {
        return new OidcIdTokenDecoderFactory();
    }

    @Bean
    SsoUserService ssoUserService(SsoProperties sso, SsoAccounts accounts) {
        return new SsoUserService(new ClaimMapping(sso), accounts);
    }
}
