package org.remediation.console.remediation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceState;

/** Shared mechanics: parameter parsing with range messages, diffing, applying, verifying. */
abstract class AbstractAction implements RemediationAction {

    static final String NONE = "—";

    /** The side effects of this change and one sentence per effect explaining it. */
    record Effects(List<SideEffect> effects, List<String> notes) {
        static Effects none() {
            return new Effects(List.of(), List.of());
        }
    }

    abstract Effects effects(ResourceState live, Map<String, String> desired);

    /** The equivalent gcloud command; {@link #preview} renders it with the project. */
    abstract GcloudLine gcloud(ResourceState live, Map<String, String> desired);

    @Override
    public Preview preview(ResourceState live, Map<String, String> desired, String project) {
        Set<String> keys = new TreeSet<>(desired.keySet());
        List<DiffRow> diff = new ArrayList<>();
        for (String key : keys) {
            diff.add(new DiffRow(key, live.get(key).orElse(NONE), desired.get(key)));
        }
        Effects fx = effects(live, desired);
        return new Preview(kind(), live.ref(), diff, fx.effects(), fx.notes(), gcloud(live, desired).render(project),
                rollbackFromPreview(live, desired), live.fingerprint(), desired, live.readAt());
    }

    /** The rollback plan as the preview states it (the after-state is not known yet: assume desired). */
    private RollbackPlan rollbackFromPreview(ResourceState live, Map<String, String> desired) {
        Map<String, String> after = new java.util.TreeMap<>(live.attributes());
        after.putAll(desired);
        return rollback(live, new ResourceState(live.ref(), after, live.readAt()));
    }

    @Override
    public OperationHandle apply(CloudGateway gateway, Preview preview, String requestId) {
        return gateway.apply(new CloudChange(preview.resource(), preview.desired(), preview.fingerprint(), requestId));
    }

    @Override
    public List<String> verify(ResourceState after, Map<String, String> desired) {
        List<String> mismatches = new ArrayList<>();
        desired.forEach((key, want) -> {
            String got = after.get(key).orElse(NONE);
            if (!got.equals(want)) {
                mismatches.add(key + " is " + got + ", expected " + want);
            }
        });
        String state = after.get(Attributes.STATE).orElse("");
        if (state.equals("UPDATING") || state.equals("MAINTENANCE")) {
            mismatches.add("the resource is still " + state);
        }
        return mismatches;
    }

    /** True when some attribute would actually change. */
    static boolean changesSomething(ResourceState live, Map<String, String> desired) {
        return desired.entrySet().stream().anyMatch(e -> !live.get(e.getKey()).orElse(NONE).equals(e.getValue()));
    }

    static void nothingChanges(Problems problems, ResourceState live, Map<String, String> desired, String field) {
        if (problems.isEmpty() && !changesSomething(live, desired)) {
            problems.add(field, "Nothing would change: the resource already has these values.");
        }
    }

    /** Parses an optional whole number within [min, max]; reports the valid range when it is not. */
    static @Nullable Integer intParam(Problems problems, Map<String, String> params, String name, String label,
                                      int min, int max, boolean required) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(name, label + " is required (" + min + "–" + max + ").");
            }
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                problems.add(name, label + " must be between " + min + " and " + max + "; " + value + " is outside.");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(name, label + " must be a whole number between " + min + " and " + max + " (got '" + raw + "').");
            return null;
        }
    }

    /**
     * A whole-number parameter that {@link #intParam} accepted in {@link #check}: its value, or null
     * when it is absent or {@code check} reported a problem with it.
     */
    static @Nullable Integer checkedInt(Problems problems, Map<String, String> params, String name) {
        String raw = params.get(name);
        if (raw == null || raw.isBlank() || problems.list().stream().anyMatch(p -> p.field().equals(name))) {
            return null;
        }
        return Integer.parseInt(raw.trim());
    }

    /** Rejects parameters the action does not know, so a typo in a task spec is not silently ignored. */
    void unknownParams(Problems problems, Map<String, String> params) {
        Set<String> known = new LinkedHashSet<>();
        parameters().forEach(p -> known.add(p.name()));
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                problems.add(name, "Unknown parameter '" + name + "' for " + kind().spec() + "; expected "
                        + String.join(", ", known) + ".");
            }
        }
    }
}
