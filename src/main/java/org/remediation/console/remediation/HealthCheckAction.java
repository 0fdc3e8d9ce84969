package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.CHECK_INTERVAL_SECONDS;
import static org.remediation.console.cloud.Attributes.CHECK_TIMEOUT_SECONDS;
import static org.remediation.console.cloud.Attributes.HEALTHY_THRESHOLD;
import static org.remediation.console.cloud.Attributes.UNHEALTHY_THRESHOLD;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/** Load-balancer health check: interval, timeout (never above the interval) and thresholds. */
final class HealthCheckAction extends AbstractAction {

    private static final List<String> FIELDS = List.of(CHECK_INTERVAL_SECONDS, CHECK_TIMEOUT_SECONDS, HEALTHY_THRESHOLD,
            UNHEALTHY_THRESHOLD);

    @Override
    public ActionKind kind() {
        return ActionKind.HEALTH_CHECK;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(CHECK_INTERVAL_SECONDS, "Check interval (s)", "1–300", false),
                new ParamSpec(CHECK_TIMEOUT_SECONDS, "Timeout (s)", "1–300, not above the interval", false),
                new ParamSpec(HEALTHY_THRESHOLD, "Healthy threshold", "1–10", false),
                new ParamSpec(UNHEALTHY_THRESHOLD, "Unhealthy threshold", "1–10", false));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        Integer interval = intParam(problems, params, CHECK_INTERVAL_SECONDS, "Check interval (s)", 1, 300, false);
        Integer timeout = intParam(problems, params, CHECK_TIMEOUT_SECONDS, "Timeout (s)", 1, 300, false);
        Integer healthy = intParam(problems, params, HEALTHY_THRESHOLD, "Healthy threshold", 1, 10, false);
        Integer unhealthy = intParam(problems, params, UNHEALTHY_THRESHOLD, "Unhealthy threshold", 1, 10, false);
        if (problems.isEmpty() && interval == null && timeout == null && healthy == null && unhealthy == null) {
            problems.add(CHECK_INTERVAL_SECONDS, "Give at least one of interval, timeout, healthy or unhealthy threshold.");
        }
        if (interval != null && timeout != null) {
            timeoutWithinInterval(problems, timeout, interval);
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        Integer interval = checkedInt(problems, params, CHECK_INTERVAL_SECONDS);
        Integer timeout = checkedInt(problems, params, CHECK_TIMEOUT_SECONDS);
        Integer healthy = checkedInt(problems, params, HEALTHY_THRESHOLD);
        Integer unhealthy = checkedInt(problems, params, UNHEALTHY_THRESHOLD);
        if (problems.isEmpty() && (interval == null || timeout == null)) {
            timeoutWithinInterval(problems, timeout != null ? timeout : live.intValue(CHECK_TIMEOUT_SECONDS),
                    interval != null ? interval : live.intValue(CHECK_INTERVAL_SECONDS));
        }
        Map<String, String> desired = new TreeMap<>();
        if (problems.isEmpty()) {
            put(desired, CHECK_INTERVAL_SECONDS, interval);
            put(desired, CHECK_TIMEOUT_SECONDS, timeout);
            put(desired, HEALTHY_THRESHOLD, healthy);
            put(desired, UNHEALTHY_THRESHOLD, unhealthy);
            nothingChanges(problems, live, desired, CHECK_INTERVAL_SECONDS);
        }
        problems.throwIfAny();
        return desired;
    }

    private static void put(Map<String, String> desired, String key, Integer value) {
        if (value != null) {
            desired.put(key, String.valueOf(value));
        }
    }

    private static void timeoutWithinInterval(Problems problems, int timeout, int interval) {
        if (timeout > interval) {
            problems.add(CHECK_TIMEOUT_SECONDS, "Timeout (" + timeout + " s) must not exceed the check interval ("
                    + interval + " s).");
        }
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        return Effects.none();
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        Map<String, String> all = new TreeMap<>(live.attributes());
        all.putAll(desired);
        return HealthCheckProtocol.update(live).flag("--check-interval", all.get(CHECK_INTERVAL_SECONDS) + "s")
                .flag("--timeout", all.get(CHECK_TIMEOUT_SECONDS) + "s")
                .flag("--healthy-threshold", all.get(HEALTHY_THRESHOLD))
                .flag("--unhealthy-threshold", all.get(UNHEALTHY_THRESHOLD));
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        Map<String, String> params = new TreeMap<>();
        FIELDS.forEach(f -> params.put(f, before.require(f)));
        return RollbackPlan.inverse(params, "Restores interval, timeout and thresholds as they were.");
    }
}
