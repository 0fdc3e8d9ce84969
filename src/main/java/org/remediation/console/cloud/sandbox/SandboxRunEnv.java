package org.remediation.console.cloud.sandbox;

import static org.remediation.console.cloud.Attributes.*;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.EnvValues;
import org.remediation.console.cloud.ResourceRef;

/**
 * The simulated Cloud Run's environment variables and serving state. The store holds real values
 * (it plays the cloud); what leaves the sandbox is masked exactly as the Google adapter masks it.
 */
final class SandboxRunEnv {

    private SandboxRunEnv() {
    }

    /** The attributes as the gateway reports them: secret-looking values masked, serving state derived. */
    static Map<String, String> reported(ResourceRef ref, Map<String, String> stored) {
        Map<String, String> out = new TreeMap<>();
        stored.forEach((k, v) -> out.put(k, k.startsWith(ENV_PREFIX)
                ? EnvValues.reported(ref, k.substring(ENV_PREFIX.length()), v) : v));
        if (stored.containsKey(TRAFFIC)) {
            String latest = stored.getOrDefault(LATEST_READY_REVISION, "");
            // Every sandbox revision becomes ready, and LATEST routes to it.
            out.put(LATEST_CREATED_REVISION, latest);
            out.put(SERVING, stored.get(TRAFFIC).replace("LATEST=", latest + "="));
        }
        return out;
    }

    static @Nullable String refusal(ResourceRef ref, Map<String, String> current, Map<String, String> desired) {
        for (Map.Entry<String, String> e : desired.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String name = e.getKey().substring(ENV_PREFIX.length());
            if (current.containsKey(ENV_SECRET_PREFIX + name)) {
                return name + " comes from Secret Manager; change the secret, not the variable";
            }
            String now = current.get(e.getKey());
            if (EnvValues.isMasked(e.getValue())
                    && (now == null || !e.getValue().equals(EnvValues.reported(ref, name, now)))) {
                return "the value of " + name + " changed since the preview";
            }
        }
        return null;
    }

    /** A change with any env.* attribute replaces the plain list; a masked value keeps the stored one. */
    static void apply(ResourceRef ref, Map<String, String> current, Map<String, String> desired, Map<String, String> next) {
        if (desired.keySet().stream().noneMatch(k -> k.startsWith(ENV_PREFIX))) {
            return;
        }
        next.keySet().removeIf(k -> k.startsWith(ENV_PREFIX));
        desired.forEach((k, v) -> {
            if (k.startsWith(ENV_PREFIX)) {
                next.put(k, EnvValues.isMasked(v) ? current.get(k) : v);
            }
        });
    }
}
