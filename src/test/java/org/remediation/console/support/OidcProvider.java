package org.remediation.console.support;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import org.remediation.testidp.ProviderConfig;
import org.remediation.testidp.ProviderState;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.security.core.userdetails.User;

/**
 * A real OpenID provider for the SSO tests: Spring Authorization Server in its own small Spring context on a
 * loopback port (no Boot auto-configuration; {@link ProviderConfig}), with discovery, JWKS, authorization
 * code + PKCE (required), its own sign-in form, userinfo and RP-initiated logout. One client, {@code console},
 * whose redirect and post-logout URIs name the console's port. People and their {@code groups} can be added
 * and changed while it runs; {@link #nextIdToken} makes the next ID token bad in one way, to prove the console
 * refuses it.
 */
public final class OidcProvider {

    public static final String CLIENT_ID = ProviderConfig.CLIENT_ID;
    public static final String CLIENT_SECRET = ProviderConfig.CLIENT_SECRET;
    public static final String PASSWORD = "Provider-password-2026";

    /** What the next ID token gets wrong (once). */
    public enum Next { EXPIRED, WRONG_NONCE, TAMPERED }

    private static OidcProvider shared;

    private final AnnotationConfigServletWebServerApplicationContext context;
    private final ProviderState state;

    private OidcProvider(int consolePort) {
        state = new ProviderState(consolePort);
        context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(ProviderState.class, () -> state);
        context.register(ProviderConfig.class);
        context.refresh();
    }

    /** The JVM's provider, started on first use, for a console on {@code consolePort}. */
    public static synchronized OidcProvider forConsoleOn(int consolePort) {
        if (shared == null) {
            shared = new OidcProvider(consolePort);
            Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
        } else if (shared.state.consolePort != consolePort) {
            throw new IllegalStateException("the shared provider serves the console on port " + shared.state.consolePort);
        }
        return shared;
    }

    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    /** Adds a person (password {@link #PASSWORD}) or replaces their groups. */
    public void user(String username, String... groups) {
        state.groups.put(username, List.of(groups));
        if (!state.users.userExists(username)) {
            state.users.createUser(User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build());
        }
    }

    /** Leaves the claim {@code preferred_username} out of this person's ID tokens. */
    public void withoutPreferredUsername(String username) {
        state.noPreferredUsername.put(username, true);
    }

    public void nextIdToken(Next next) {
        state.next.set(ProviderState.Next.valueOf(next.name()));
    }

    /** The key the provider signs with (published at its JWKS endpoint). */
    public RSAKey signingKey() {
        return state.key;
    }
}
