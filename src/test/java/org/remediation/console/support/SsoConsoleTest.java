package org.remediation.console.support;

import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one single-sign-on configuration every SSO test shares (one Spring context): the console on a fixed
 * loopback port signing people in through the real {@link OidcProvider}, local accounts OFF and no
 * {@code CONSOLE_ADMIN_*} (the first ADMIN comes from the group {@code console-admins}), unmapped people
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "console.live.ui-delivery=async",
        "console.security.admin-username=", "console.security.admin-password=",
        "console.sso.enabled=true",
        "console.sso.local-accounts=false",
        "console.sso.unmapped=REFUSE",
        "console.sso.roles.console-admins=ADMIN",
        "console.sso.roles.operators=OPERATOR",
        "console.sso.roles.db-leads=TEAM_LEAD,RESPONDER",
        "console.sso.roles[/responders]=RESPONDER",
        "console.sso.teams.db-leads=Database",
        "console.sso.teams.operators=Infrastructure",
        "spring.security.oauth2.client.registration.sso.client-id=" + OidcProvider.CLIENT_ID,
        "spring.security.oauth2.client.registration.sso.client-secret=" + OidcProvider.CLIENT_SECRET,
        "spring.security.oauth2.client.registration.sso.client-name=Example ID",
        "spring.security.oauth2.client.registration.sso.scope=openid,profile,email"})
public abstract class SsoConsoleTest {

    protected static final int PORT = freePort();
    protected static final OidcProvider PROVIDER = OidcProvider.forConsoleOn(PORT);

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("spring.security.oauth2.client.provider.sso.issuer-uri", PROVIDER::issuer);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
