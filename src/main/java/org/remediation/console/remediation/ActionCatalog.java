package org.remediation.console.remediation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every action kind's implementation. Stateless; {@link #standard()} serves tests and other adapters. */
@Component
public class ActionCatalog {

    private final Map<ActionKind, RemediationAction> actions = new EnumMap<>(ActionKind.class);

    public ActionCatalog() {
        for (RemediationAction a : List.of(new ScaleConnectorAction(), new SqlTierAction(), new SqlFlagAction(),
                new RunResourcesAction(), new RunTrafficAction(), new HealthCheckAction(),
                new HealthCheckTargetAction(), new RunEnvAction(), new RunStartupProbeAction(),
                new ConnectorReplaceAction(), new ConnectorDeleteAction())) {
            actions.put(a.kind(), a);
        }
    }

    public static ActionCatalog standard() {
        return new ActionCatalog();
    }

    public RemediationAction get(ActionKind kind) {
        return actions.get(kind);
    }

    public List<RemediationAction> all() {
        return List.copyOf(actions.values());
    }
}
