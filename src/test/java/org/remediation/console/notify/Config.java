package org.remediation.console.notify;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Builds the routing table from properties the way Spring binds them at start (no context needed). */
final class Config {

    private Config() {
    }

    static Routing routing(Map<String, String> properties) {
        return routing(properties, null);
    }

    static Routing routing(Map<String, String> properties, @Nullable String escalationEnv) {
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        NotifyProperties bound = binder.bindOrCreate("console.notify", NotifyProperties.class);
        return new Routing(bound, LegacySettings.read(binder, name -> LegacySettings.ESCALATION_ENV.equals(name) ? escalationEnv : properties.get(name),
                bound.routes().size()));
    }
}
