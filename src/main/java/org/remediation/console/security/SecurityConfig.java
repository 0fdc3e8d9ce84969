package org.remediation.console.security;

import org.remediation.console.base.identity.Roles;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.remediation.console.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
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
     * Actuator: health is open for load balancers; the Prometheus endpoint takes ADMIN or the METRICS
     * service account, everything else ADMIN, over HTTP Basic.
     */
    @Bean
    @Order(1)
    SecurityFilterChain actuatorChain(HttpSecurity http, Logins logins) throws Exception {
        http.securityMatcher("/actuator/**").authenticationManager(logins.basic())
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Roles.ADMIN, Roles.METRICS)
                        .anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    // Answer 401 directly: sendError would re-dispatch to /error through the login chain.
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Remediation Console\"");
                    response.setStatus(401);
                }))
                .exceptionHandling(x -> x.accessDeniedHandler((request, response, e) -> response.setStatus(403)))
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

    @Bean
    @Order(3)
    SecurityFilterChain vaadinChain(HttpSecurity http, Logins logins, SsoLogin sso) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/images/**").permitAll());
        http.authenticationManager(sso.manager(logins.form()));
        sso.configure(http); // OpenID Connect sign-in when console.sso.enabled (SsoLogin)
        // Unmatched paths: signed-in users reach Vaadin's not-found page instead of a bare 403 (anonymous
        // ones still go to the login); which views a user may open is decided by the view's own annotations.
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> sso.logout(c.loginView(LoginView.class))
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
