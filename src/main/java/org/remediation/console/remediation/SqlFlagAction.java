package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.FLAG_PREFIX;
import static org.remediation.console.cloud.Attributes.FLAG_SET_WITHOUT_VALUE;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/** One Cloud SQL database flag; the API replaces the whole list, so every existing flag is sent too. */
final class SqlFlagAction extends AbstractAction {

    static final String FLAG = "flag";
    static final String VALUE = "value";

    /** PostgreSQL flags the console knows (from {@code flags().list}): range and whether a restart follows. */
    record FlagLimit(long min, long max, boolean requiresRestart) {
    }

    static final Map<String, FlagLimit> FLAGS = new TreeMap<>(Map.of(
            "max_connections", new FlagLimit(14, 262143, true),
            "work_mem", new FlagLimit(64, 2147483647L, false),
            "log_min_duration_statement", new FlagLimit(-1, 2147483647L, false),
            "idle_in_transaction_session_timeout", new FlagLimit(0, 2147483647L, false),
            "max_locks_per_transaction", new FlagLimit(10, 2147483647L, true)));

    @Override
    public ActionKind kind() {
        return ActionKind.SQL_FLAG;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(FLAG, "Flag", String.join(", ", FLAGS.keySet()), true),
                new ParamSpec(VALUE, "Value", "a whole number within the flag's range (max_connections 14–262143)", true));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        String flag = params.getOrDefault(FLAG, "").trim();
        String raw = params.getOrDefault(VALUE, "").trim();
        FlagLimit limit = FLAGS.get(flag);
        if (limit == null) {
            problems.add(FLAG, (flag.isEmpty() ? "Flag is required" : "Unknown flag '" + flag + "'")
                    + "; supported: " + String.join(", ", FLAGS.keySet()) + ".");
        } else {
            try {
                long value = Long.parseLong(raw);
                if (value < limit.min() || value > limit.max()) {
                    problems.add(VALUE, flag + " must be between " + limit.min() + " and " + limit.max() + "; " + value
                            + " is outside.");
                }
            } catch (NumberFormatException e) {
                problems.add(VALUE, flag + " must be a whole number between " + limit.min() + " and " + limit.max()
                        + " (got '" + raw + "').");
            }
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        String flag = params.getOrDefault(FLAG, "").trim();
        String raw = params.getOrDefault(VALUE, "").trim();
        Map<String, String> desired = new TreeMap<>();
        if (problems.isEmpty()) {
            live.attributes().forEach((k, v) -> {
                if (k.startsWith(FLAG_PREFIX)) {
                    desired.put(k, v);
                }
            });
            desired.put(FLAG_PREFIX + flag, String.valueOf(Long.parseLong(raw)));
            nothingChanges(problems, live, desired, VALUE);
        }
        problems.throwIfAny();
        return desired;
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        boolean restart = desired.keySet().stream().filter(k -> !desired.get(k).equals(live.get(k).orElse(NONE)))
                .map(k -> FLAGS.get(k.substring(FLAG_PREFIX.length())))
                .anyMatch(l -> l == null || l.requiresRestart());
        return restart ? new Effects(List.of(SideEffect.RESTART, SideEffect.SHORT_DOWNTIME),
                List.of("This flag requires a restart: the instance restarts and connections drop for a few minutes."))
                : Effects.none();
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        Map<String, @Nullable String> flags = new TreeMap<>();
        desired.forEach((k, v) -> flags.put(k.substring(FLAG_PREFIX.length()), FLAG_SET_WITHOUT_VALUE.equals(v) ? null : v));
        return GcloudLine.command("sql", "instances", "patch").name(live.ref().name()).dict("--database-flags", flags);
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        for (Map.Entry<String, String> e : after.attributes().entrySet()) {
            if (e.getKey().startsWith(FLAG_PREFIX) && !e.getValue().equals(before.get(e.getKey()).orElse(NONE))) {
                String flag = e.getKey().substring(FLAG_PREFIX.length());
                return before.get(e.getKey())
                        .map(old -> RollbackPlan.inverse(Map.of(FLAG, flag, VALUE, old), "Sets " + flag + " back to " + old + "."))
                        .orElse(RollbackPlan.impossible(flag + " was not set before; this action cannot remove a flag. "
                                + "Clear it by patching " + before.ref().name() + "'s database flags with the previous list."));
            }
        }
        return RollbackPlan.impossible("No flag changed.");
    }
}
