package org.remediation.console.probe;

import org.remediation.console.base.identity.SystemActor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.DemoProperties;
import org.remediation.console.base.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the demo targets of the cross-feature contract on first start of the embedded demo. */
@Component
class DemoTargets {

    private static final Logger log = LoggerFactory.getLogger(DemoTargets.class);

    private final DemoProperties demo;
    private final ProbeTargetService service;

    DemoTargets(DemoProperties demo, ProbeTargetService service) {
        this.demo = demo;
        this.service = service;
    }

    static List<TargetDraft> drafts() {
        return List.of(
                http("frontend", "Frontend", "http://{self}/sandbox/frontend/health", "frontend", 1),
                http("auth", "Auth service", "http://{self}/sandbox/auth/health", "auth", 2),
                http("backend-health", "Backend health", "http://{self}/sandbox/backend/health", "backend", 3),
                new TargetDraft("websocket", "WebSocket echo", "WEBSOCKET", Map.of("url", "ws://{self}/sandbox/ws",
                        "send", "ping", "expectContains", "ping"), Duration.ofSeconds(10), Duration.ofSeconds(5), true,
                        "websocket", 4),
                http("agent-response", "AI agent response", "http://{self}/sandbox/backend/agent", "backend", 5),
                http("database", "Database health", "http://{self}/sandbox/database/health", "database", null),
                new TargetDraft("redis", "Redis", "REDIS", Map.of("host", "127.0.0.1", "port", "6379"),
                        Duration.ofSeconds(10), Duration.ofSeconds(3), true, "redis", null),
                // The seeds' load, DNS and TLS checks, against the sandbox's loopback stand-ins (the real
                // staging hosts are out of reach and would stay red): "VPC connector handles 20+ concurrent
                // connections", "DNS resolution consistently < 2 seconds", "SSL certificate validation < 10
                // seconds under load". Their health follows the simulated connector like the endpoints'.
                new TargetDraft("backend-load", "Backend under load (20 at once)", "HTTP",
                        Map.of("url", "http://{self}/sandbox/backend/load", "concurrency", "20", "degradedAboveMs", "5000"),
                        Duration.ofSeconds(30), Duration.ofSeconds(10), true, "backend", null),
                new TargetDraft("dns-staging", "DNS staging.netrasystems.ai", "DNS",
                        Map.of("name", STAGING_HOST, "server", "127.0.0.1", "serverPort", String.valueOf(SANDBOX_DNS_PORT),
                                "degradedAboveMs", "2000"),
                        Duration.ofSeconds(30), Duration.ofSeconds(5), true, "edge", null),
                new TargetDraft("tls-staging", "TLS staging.netrasystems.ai", "TLS",
                        Map.of("host", "127.0.0.1", "port", String.valueOf(SANDBOX_TLS_PORT), "serverName", STAGING_HOST,
                                "caFile", SANDBOX_CA_FILE),
                        Duration.ofSeconds(30), Duration.ofSeconds(15), true, "edge", null),
                // "Load balancer health checks allow adequate startup time": the health check's own settings,
                // read from the active cloud (the sandbox's netra-backend-hc)
                new TargetDraft("lb-health-check", "Load balancer health check", "CLOUD_RESOURCE",
                        Map.of("resource", "HEALTH_CHECK/global/netra-backend-hc"),
                        Duration.ofSeconds(30), Duration.ofSeconds(5), true, "edge", null));
    }

    static final String STAGING_HOST = "staging.netrasystems.ai";
    /** The sandbox stand-ins' defaults ({@code console.sandbox.dns-port}, {@code tls-port}, {@code tls-ca-file}). */
    static final int SANDBOX_DNS_PORT = 10053;
    static final int SANDBOX_TLS_PORT = 10443;
    static final String SANDBOX_CA_FILE = "data/sandbox-ca.pem";

    private static TargetDraft http(String key, String name, String url, String group, Integer golden) {
        return new TargetDraft(key, name, "HTTP", Map.of("url", url, "degradedAboveMs", "1000"), Duration.ofSeconds(10),
                Duration.ofSeconds(5), true, group, golden);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!demo.enabled() || !SystemActor.call(service::all).isEmpty()) {
            return;
        }
        SystemActor.run(() -> drafts().forEach(d -> {
            try {
                service.create(d);
            } catch (InvalidInputException e) {
                // e.g. lb-health-check with a cloud that has no netra-backend-hc: the other targets still come
                log.warn("Demo target {} not created: {}", d.key(), e.getMessage());
            }
        }));
    }
}
