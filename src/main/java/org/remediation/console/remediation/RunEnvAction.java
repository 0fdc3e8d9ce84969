package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.ENV_PREFIX;
import static org.remediation.console.cloud.Attributes.ENV_SECRET_PREFIX;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.EnvValues;
import org.remediation.console.cloud.ResourceState;

/**
 * Cloud Run environment variables of the first container: set and remove plain variables (creates a
 * revision). Secret values never pass through the console: secret-looking names are refused, masked
 * values are kept as they are, and Secret Manager references are shown but never touched.
 */
final class RunEnvAction extends RunTemplateAction {

    static final String SET = "set";
    static final String REMOVE = "remove";

    @Override
    public ActionKind kind() {
        return ActionKind.RUN_ENV;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(SET, "Set variables", "NAME=value,NAME2=value (no commas in values; no secrets)", false),
                new ParamSpec(REMOVE, "Remove variables", "NAME,NAME2", false), sendAllTrafficParam());
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        Map<String, String> set = CloudRunEnvRules.parseSet(params.getOrDefault(SET, ""), SET, problems);
        Set<String> remove = CloudRunEnvRules.parseRemove(params.getOrDefault(REMOVE, ""), REMOVE, problems);
        remove.stream().filter(set::containsKey).forEach(n -> problems.add(REMOVE, n + " is both set and removed."));
        sendAllTraffic(params, problems);
        if (problems.isEmpty() && set.isEmpty() && remove.isEmpty()) {
            problems.add(SET, "Give variables to set (NAME=value,…) and/or to remove (NAME,…).");
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        Map<String, String> set = CloudRunEnvRules.parseSet(params.getOrDefault(SET, ""), SET, new Problems());
        Set<String> remove = CloudRunEnvRules.parseRemove(params.getOrDefault(REMOVE, ""), REMOVE, new Problems());
        Map<String, String> desired = new TreeMap<>(plain(live));
        for (String name : set.keySet()) {
            fromSecretManager(live, name, SET, problems);
            if (EnvValues.isMasked(live.get(ENV_PREFIX + name).orElse(""))) {
                problems.add(SET, name + " holds a masked value the console cannot restore; change it with gcloud.");
            }
            desired.put(ENV_PREFIX + name, set.get(name));
        }
        for (String name : remove) {
            fromSecretManager(live, name, REMOVE, problems);
            String now = live.get(ENV_PREFIX + name).orElse(null);
            if (now == null && live.get(ENV_SECRET_PREFIX + name).isEmpty()) {
                problems.add(REMOVE, name + " is not set on " + live.ref().name() + ".");
            } else if (now != null && EnvValues.isMasked(now)) {
                problems.add(REMOVE, name + " holds a masked value the console cannot restore; remove it with gcloud.");
            }
            desired.remove(ENV_PREFIX + name);
        }
        if (problems.isEmpty() && desired.isEmpty()) {
            problems.add(REMOVE, "This would remove every plain variable; do that with gcloud --clear-env-vars.");
        }
        if (desired.size() + secrets(live).size() > CloudRunEnvRules.MAX_VARIABLES) {
            problems.add(SET, "Cloud Run allows at most " + CloudRunEnvRules.MAX_VARIABLES + " variables per container.");
        }
        if (problems.isEmpty() && desired.equals(plain(live))) {
            problems.add(SET, "Nothing would change: the service already has these variables.");
        }
        problems.throwIfAny();
        addTraffic(params, live, desired);
        return desired;
    }

    private static void fromSecretManager(ResourceState live, String name, String field, Problems problems) {
        live.get(ENV_SECRET_PREFIX + name).ifPresent(ref -> problems.add(field, name + " comes from Secret Manager ("
                + ref + "); the console never overwrites or drops it."));
    }

    static Map<String, String> plain(ResourceState state) {
        return state.attributes().entrySet().stream().filter(e -> e.getKey().startsWith(ENV_PREFIX))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> secrets(ResourceState state) {
        return state.attributes().entrySet().stream().filter(e -> e.getKey().startsWith(ENV_SECRET_PREFIX))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /** The diff also shows removed variables and the Secret Manager references that stay. */
    @Override
    public Preview preview(ResourceState live, Map<String, String> desired, String project) {
        Preview p = super.preview(live, desired, project);
        List<DiffRow> diff = new ArrayList<>(p.diff());
        plain(live).forEach((k, v) -> {
            if (!desired.containsKey(k)) {
                diff.add(new DiffRow(k, v, NONE));
            }
        });
        secrets(live).forEach((k, v) -> diff.add(new DiffRow(k, "secret " + v, "secret " + v)));
        return new Preview(p.kind(), p.resource(), diff, p.sideEffects(), p.sideEffectNotes(), p.gcloud(), p.rollback(),
                p.fingerprint(), p.desired(), p.readAt());
    }

    @Override
    public List<String> verify(ResourceState after, Map<String, String> desired) {
        List<String> problems = new ArrayList<>(super.verify(after, desired));
        plain(after).keySet().stream().filter(k -> !desired.containsKey(k))
                .forEach(k -> problems.add(k.substring(ENV_PREFIX.length()) + " is still set"));
        return problems;
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        Map<String, String> before = plain(live);
        Map<String, @org.jspecify.annotations.Nullable String> set = new java.util.TreeMap<>();
        desired.entrySet().stream().filter(e -> e.getKey().startsWith(ENV_PREFIX))
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .forEach(e -> set.put(e.getKey().substring(ENV_PREFIX.length()), e.getValue()));
        List<String> remove = before.keySet().stream().filter(k -> !desired.containsKey(k))
                .map(k -> k.substring(ENV_PREFIX.length())).toList();
        GcloudLine line = GcloudLine.command("run", "services", "update").name(live.ref().name()).location(live.ref());
        if (!set.isEmpty()) {
            line.dict("--update-env-vars", set);
        }
        if (!remove.isEmpty()) {
            line.list("--remove-env-vars", remove);
        }
        return withTraffic(line, live, desired);
    }

    /** Restores the previous plain variables exactly: re-set the changed or removed ones, remove the added ones. */
    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        Map<String, String> was = plain(before);
        Map<String, String> now = plain(after);
        List<String> set = new ArrayList<>();
        for (Map.Entry<String, String> e : was.entrySet()) {
            if (!e.getValue().equals(now.get(e.getKey()))) {
                if (EnvValues.isMasked(e.getValue())) {
                    return RollbackPlan.impossible(e.getKey().substring(ENV_PREFIX.length())
                            + " changed and its previous value was never read by the console; restore it with gcloud.");
                }
                if (e.getValue().contains(",")) {
                    // the set= parameter is comma-separated: such a value would come back as two variables
                    return RollbackPlan.impossible(e.getKey().substring(ENV_PREFIX.length())
                            + "'s previous value holds a comma, which this action cannot set; restore it with gcloud.");
                }
                set.add(e.getKey().substring(ENV_PREFIX.length()) + "=" + e.getValue());
            }
        }
        String remove = now.keySet().stream().filter(k -> !was.containsKey(k)).map(k -> k.substring(ENV_PREFIX.length()))
                .collect(Collectors.joining(","));
        if (set.isEmpty() && remove.isEmpty()) {
            return RollbackPlan.impossible("No plain variable changed.");
        }
        Map<String, String> params = new TreeMap<>();
        if (!set.isEmpty()) {
            params.put(SET, String.join(",", set));
        }
        if (!remove.isEmpty()) {
            params.put(REMOVE, remove);
        }
        return RollbackPlan.inverse(params, "Restores the previous variables as a new revision.");
    }
}
