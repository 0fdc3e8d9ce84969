package org.remediation.console.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.notify.Notification;

/** What the notifier hears about a target's state change (source {@code probe}, routed by group). */
final class StateChangeNotification {

    private StateChangeNotification() {
    }

    static Notification of(ProbeStateChanged e) {
        StateChange c = e.change();
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("target", c.targetKey());
        facts.put("name", e.targetName());
        facts.put("from", c.from().name());
        facts.put("to", c.to().name());
        facts.put("reason", c.reason());
        return new Notification(Notification.Source.PROBE, c.at(), null, null, e.group(), null,
                e.targetName() + " is " + c.to(), text(e), facts);
    }

    static String text(ProbeStateChanged e) {
        StateChange c = e.change();
        String icon = switch (c.to()) {
            case UP -> ":large_green_circle:";
            case DEGRADED -> ":large_yellow_circle:";
            case DOWN -> ":red_circle:";
            case UNKNOWN -> ":white_circle:";
        };
        return icon + " " + e.targetName() + " (" + c.targetKey() + ", group " + e.group() + ") is " + c.to()
                + " (was " + c.from() + ") at " + c.at() + ": " + c.reason();
    }
}
