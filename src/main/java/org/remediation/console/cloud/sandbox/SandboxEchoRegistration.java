package org.remediation.console.cloud.sandbox;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

/**
 * Registers the echo endpoint with the servlet container's Jakarta WebSocket support once the
 * context is initialised (the container's own initialiser has run by then).
 */
@Component
@ConditionalOnProperty(name = "console.cloud.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxEchoRegistration implements ServletContextInitializer {

    static final String PATH = "/sandbox/ws";
    private static final Logger log = LoggerFactory.getLogger(SandboxEchoRegistration.class);

    @Override
    public void onStartup(jakarta.servlet.ServletContext servletContext) {
        servletContext.addListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
                if (!(container instanceof ServerContainer server)) {
                    log.warn("No Jakarta WebSocket container: the sandbox echo at {} is not available", PATH);
                    return;
                }
                try {
                    server.addEndpoint(ServerEndpointConfig.Builder.create(SandboxEcho.class, PATH).build());
                } catch (DeploymentException e) {
                    log.warn("Could not register the sandbox echo at {}", PATH, e);
                }
            }
        });
    }
}
