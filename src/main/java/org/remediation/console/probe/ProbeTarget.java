package org.remediation.console.probe;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A configured probe target, as other features and views see it. Settings hold credential
 * references ({@code secret:name}), never secret values.
 *
 * @param goldenStep position on the golden path (1 login, 2 auth, 3 backend, 4 websocket,
 *     5 AI response) or null
 */
public record ProbeTarget(String key, String name, ProbeKind kind, Map<String, String> settings, Duration interval,
                          Duration timeout, boolean enabled, String group, @Nullable Integer goldenStep, long version) {

    public static final String[] GOLDEN_STEPS = {"Login", "Auth", "Backend", "WebSocket", "AI response"};

    public TargetDraft toDraft() {
        return new TargetDraft(key, name, kind.name(), settings, interval, timeout, enabled, group, goldenStep);
    }
}
