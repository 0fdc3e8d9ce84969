package org.remediation.console.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Replaces {@code {self}} in target settings with 127.0.0.1 and the console's actual HTTP port. */
@Component
class SelfAddress {

    private volatile int port;

    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        // the management server (if on its own port) has a namespace; the console's does not
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    int port() {
        return port;
    }

    /** Throws {@link IllegalStateException} while {@code {self}} is used and the port is not known yet. */
    Map<String, String> resolve(Map<String, String> settings) {
        Map<String, String> m = new LinkedHashMap<>(settings);
        if (port == 0 && m.values().stream().anyMatch(v -> v != null && v.contains("{self}"))) {
            throw new IllegalStateException("The console's own HTTP port is not known yet, so {self} cannot be resolved");
        }
        m.replaceAll((k, v) -> v == null ? "" : v.replace("{self}", "127.0.0.1:" + port));
        return m;
    }
}
