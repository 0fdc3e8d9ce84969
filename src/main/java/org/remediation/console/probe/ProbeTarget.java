package org.remediation.console.probe;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceRef;

/**
 * A configured probe target, as other features and views see it. Settings hold credential
 * references ({@code secret:name}), never secret values.
 *
 * @param goldenStep position on the golden path (1 login, 2 auth, 3 backend, 4 websocket,
 *     5 AI response) or null
 * @param cloudResource the cloud resource this target stands for (the service behind the URL), or
 *     null when it stands for none
 */
public record ProbeTarget(String key, String name, ProbeKind kind, Map<String, String> settings, Duration interval,
                          Duration timeout, boolean enabled, String group, @Nullable Integer goldenStep, long version,
                          @Nullable ResourceRef cloudResource) {

    public static final String[] GOLDEN_STEPS = {"Login", "Auth", "Backend", "WebSocket", "AI response"};

    /** A target that stands for no cloud resource. */
    public ProbeTarget(String key, String name, ProbeKind kind, Map<String, String> settings, Duration interval,
                       Duration timeout, boolean enabled, String group, @Nullable Integer goldenStep, long version) {
        this(key, name, kind, settings, interval, timeout, enabled, group, goldenStep, version, null);
    }

    public TargetDraft toDraft() {
        return new TargetDraft(key, name, kind.name(), settings, interval, timeout, enabled, group, goldenStep,
                cloudResource == null ? null : cloudResource.toString());
    }
}
