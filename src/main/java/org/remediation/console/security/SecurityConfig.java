package org.remediation.console.security;

import org.remediation.console.base.identity.Roles;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.remediation.console.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security. Views only decide what to show; every state-changing service method carries its own
 * {@code @RolesAllowed}, enforced here by method security.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /**
     * Actuator: health is open for load balancers; the Prometheus endpoint takes ADMIN or a METRICS service
     * account, by API token (Bearer) or password (HTTP Basic, kept for scrapes set up before tokens);
     * everything else ADMIN.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, Logins logins, TokenIntrospector introspector,
                                      TokenUseAudit tokens, SsoProperties sso) throws Exception {
        http.securityMatcher("/actuator/**").authenticationManager(logins.basic(sso.localAccounts()))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Roles.ADMIN, Roles.METRICS)
                        .anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    // Answer 401 directly: sendError would re-dispatch to /error through the login chain.
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Remediation Console\"");
                    response.setStatus(401);
                }))
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.authenticationManager(bearer(introspector)))
                        .authenticationEntryPoint(BearerProblems.entryPoint("Send a METRICS token as 'Authorization: Bearer rcp_…'.")))
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) -> {
                    tokens.deniedForCurrentToken(request.getMethod() + " " + request.getRequestURI());
                    response.setStatus(403);
                }))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Simulated service endpoints of the sandbox cloud: probed anonymously, like real services. */
    @Bean
    @Order(2)
    SecurityFilterChain sandboxEndpointsChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/sandbox/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The OpenAPI description and its browser: signed-in users (the console's session) or any API token.
     * Read-only, so the session's CSRF protection is not needed here.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocsChain(HttpSecurity http, TokenIntrospector introspector) throws Exception {
        http.securityMatcher(API_DOCS)
                .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, API_DOCS).authenticated()
                        .requestMatchers(HttpMethod.HEAD, API_DOCS).authenticated().anyRequest().denyAll())
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.authenticationManager(bearer(introspector))))
                .exceptionHandling(x -> x.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), r -> r.getHeader("Authorization") == null));
        return http.build();
    }

    /**
     * The REST API: API tokens only (no session, no cookie, so no CSRF); which call a token may make is
     * decided by the same service methods' roles as in the UI.
     */
    @Bean
    @Order(4)
    SecurityFilterChain apiChain(HttpSecurity http, TokenIntrospector introspector, TokenUseAudit tokens)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.authenticationManager(bearer(introspector)))
                        .authenticationEntryPoint(BearerProblems.entryPoint(
                                "Send an API token as 'Authorization: Bearer rcp_…' (create one under Account → API tokens)."))
                        .accessDeniedHandler(BearerProblems.denied(tokens)))
                .exceptionHandling(x -> x.authenticationEntryPoint(BearerProblems.entryPoint(
                                "Send an API token as 'Authorization: Bearer rcp_…' (create one under Account → API tokens)."))
                        .accessDeniedHandler(BearerProblems.denied(tokens)))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(5)
    SecurityFilterChain vaadinChain(HttpSecurity http, Logins logins, SsoLogin sso) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/images/**").permitAll());
        http.authenticationManager(sso.manager(logins.form()));
        sso.configure(http); // OpenID Connect sign-in when console.sso.enabled (SsoLogin)
        // Unmatched paths: signed-in users reach Vaadin's not-found page instead of a bare 403 (anonymous
        // ones still go to the login); which views a user may open is decided by the view's own annotations.
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> sso.logout(c.loginView(LoginView.class))
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    /** The OpenAPI document and Swagger UI (paths set in application.properties, springdoc.*). */
    static final String[] API_DOCS = {"/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs",
            "/api/v1/docs/**", "/swagger-ui/**"};

    /** Bearer tokens get their own manager: the chain's password manager must never see them. */
    private static AuthenticationManager bearer(TokenIntrospector introspector) {
        return new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
