package org.remediation.testidp;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The test OpenID provider's Spring configuration: Spring Authorization Server with OIDC, a sign-in form,
 * one confidential client that must use PKCE. Outside {@code org.remediation.console} on purpose: the
 * console's component scan must not find it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class ProviderConfig {

    public static final String CLIENT_ID = "console";
    public static final String CLIENT_SECRET = "console-client-secret-2026";
    /** The provider's session cookie: the console's JSESSIONID lives on the same host (cookies ignore ports). */
    static final String SESSION_COOKIE = "PROVIDER_SESSION";

    @Bean
    TomcatServletWebServerFactory webServer() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        factory.setAddress(InetAddress.getByName("127.0.0.1"));
        factory.setRegisterDefaultServlet(true); // no DispatcherServlet here: without a servlet, filters never run
        return factory;
    }

    /**
     * The console in the same JVM (Vaadin) replaces the static security-context strategy after this context
     * started, and parts of the authorization server read the static one: every filter here follows it too.
     */
    @Bean
    SecurityContextHolderStrategy followTheStaticStrategy() {
        return new SecurityContextHolderStrategy() {
            @Override
            public void clearContext() {
                SecurityContextHolder.getContextHolderStrategy().clearContext();
            }

            @Override
            public SecurityContext getContext() {
                return SecurityContextHolder.getContextHolderStrategy().getContext();
            }

            @Override
            public java.util.function.Supplier<SecurityContext> getDeferredContext() {
                return SecurityContextHolder.getContextHolderStrategy().getDeferredContext();
            }

            @Override
            public void setContext(SecurityContext context) {
                SecurityContextHolder.getContextHolderStrategy().setContext(context);
            }

            @Override
            public void setDeferredContext(java.util.function.Supplier<SecurityContext> deferredContext) {
                SecurityContextHolder.getContextHolderStrategy().setDeferredContext(deferredContext);
            }

            @Override
            public SecurityContext createEmptyContext() {
                return SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
            }
        };
    }

    @Bean
    ServletContextInitializer sessionCookie() {
        return servletContext -> servletContext.getSessionCookieConfig().setName(SESSION_COOKIE);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(as -> {
                    http.securityMatcher(as.getEndpointsMatcher());
                    as.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults())) // userinfo takes the access token
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager users(ProviderState state) {
        return state.users;
    }

    @Bean
    RegisteredClientRepository clients(ProviderState state) {
        String console = "http://127.0.0.1:" + state.consolePort;
        return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID).clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(console + "/login/oauth2/code/sso")
                .postLogoutRedirectUri(console + "/login?logout")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build());
    }

    @Bean
    JWKSource<com.nimbusds.jose.proc.SecurityContext> keys(ProviderState state) {
        return new ImmutableJWKSet<>(new JWKSet(state.key));
    }

    @Bean
    JwtDecoder accessTokens(ProviderState state) throws Exception {
        return NimbusJwtDecoder.withPublicKey(state.key.toRSAPublicKey()).build();
    }

    @Bean
    AuthorizationServerSettings settings() {
        return AuthorizationServerSettings.builder().build(); // issuer taken from each request's host and port
    }

    /** Claims a company provider puts into the ID token, and the armed fault. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(ProviderState state) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            String name = context.getPrincipal().getName();
            var claims = context.getClaims();
            claims.claim("groups", state.groups.getOrDefault(name, List.of()))
                    .claim("name", name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1) + " Example")
                    .claim("email", name + "@example.org");
            if (!state.noPreferredUsername.containsKey(name)) {
                claims.claim("preferred_username", name);
            }
            if (state.take(ProviderState.Next.EXPIRED)) {
                Instant past = Instant.now().minus(Duration.ofHours(2));
                claims.issuedAt(past).expiresAt(past.plus(Duration.ofMinutes(30)));
            }
            if (state.take(ProviderState.Next.WRONG_NONCE)) {
                claims.claim("nonce", "not-the-nonce-the-console-sent");
            }
        };
    }

    @Bean
    FilterRegistrationBean<TamperingTokenEndpoint> tampering(ProviderState state) {
        FilterRegistrationBean<TamperingTokenEndpoint> registration =
                new FilterRegistrationBean<>(new TamperingTokenEndpoint(state));
        registration.addUrlPatterns("/oauth2/token");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
