package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.TIER;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/** Cloud SQL machine tier; always restarts the instance. */
final class SqlTierAction extends AbstractAction {

    private static final Pattern CUSTOM = Pattern.compile("db-custom-(\\d+)-(\\d+)");
    static final String RANGE = "db-f1-micro, db-g1-small or db-custom-<vCPUs>-<MiB> (vCPUs 1 or an even number up to 96; "
            + "memory 0.9–6.5 GB per vCPU in multiples of 256 MiB, e.g. db-custom-4-15360)";

    @Override
    public ActionKind kind() {
        return ActionKind.SQL_TIER;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(TIER, "Tier", RANGE, true));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        String problem = tierProblem(params.getOrDefault(TIER, "").trim());
        if (problem != null) {
            problems.add(TIER, problem);
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        String tier = params.getOrDefault(TIER, "").trim();
        Map<String, String> desired = Map.of(TIER, tier);
        nothingChanges(problems, live, desired, TIER);
        problems.throwIfAny();
        return desired;
    }

    static @Nullable String tierProblem(String tier) {
        if (tier.isEmpty()) {
            return "Tier is required: " + RANGE + ".";
        }
        if (tier.equals("db-f1-micro") || tier.equals("db-g1-small")) {
            return null;
        }
        Matcher m = CUSTOM.matcher(tier);
        if (!m.matches()) {
            return "'" + tier + "' is not a Cloud SQL tier; use " + RANGE + ".";
        }
        long cpus = Long.parseLong(m.group(1));
        long mib = Long.parseLong(m.group(2));
        if (cpus < 1 || cpus > 96 || (cpus > 1 && cpus % 2 != 0)) {
            return "vCPUs must be 1 or an even number up to 96 (got " + cpus + ").";
        }
        if (mib % 256 != 0) {
            return "Memory must be a multiple of 256 MiB (got " + mib + " MiB).";
        }
        long minMib = (long) Math.ceil(cpus * 0.9 * 1024);
        long maxMib = (long) Math.floor(cpus * 6.5 * 1024);
        if (mib < minMib || mib > maxMib) {
            return "Memory for " + cpus + " vCPU must be between " + minMib + " and " + maxMib + " MiB (0.9–6.5 GB per vCPU); got "
                    + mib + " MiB.";
        }
        return null;
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        return new Effects(List.of(SideEffect.RESTART, SideEffect.SHORT_DOWNTIME),
                List.of("Changing the tier restarts the instance: connections drop for a few minutes."));
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        return GcloudLine.command("sql", "instances", "patch").name(live.ref().name()).flag("--tier", desired.get(TIER));
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        return RollbackPlan.inverse(Map.of(TIER, before.require(TIER)),
                "Moves back to tier " + before.require(TIER) + " (another restart).");
    }
}
