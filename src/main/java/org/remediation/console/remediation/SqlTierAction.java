package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.DATABASE_VERSION;
import static org.remediation.console.cloud.Attributes.TIER;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/** Cloud SQL machine tier; always restarts the instance. */
final class SqlTierAction extends AbstractAction {

    private static final Pattern CUSTOM = Pattern.compile("db-custom-(\\d{1,4})-(\\d{1,8})");
    private static final Pattern PREDEFINED = Pattern.compile("db-(n1-standard|n1-highmem|perf-optimized-N)-(\\d{1,4})");
    /** db-n1-standard-N: 3.75 GB per vCPU; db-n1-highmem-N: 6.5 GB per vCPU (Cloud SQL's legacy series). */
    private static final List<Integer> N1_STANDARD = List.of(1, 2, 4, 8, 16, 32, 64, 96);
    private static final List<Integer> N1_HIGHMEM = List.of(2, 4, 8, 16, 32, 64, 96);
    /** Enterprise Plus, N2 series: 8 GB per vCPU (https://cloud.google.com/sql/docs/postgres/machine-series-overview). */
    private static final List<Integer> PERF_OPTIMIZED = List.of(2, 4, 8, 16, 32, 48, 64, 80, 96, 128);
    /** Custom machine types: at least 3.75 GB (https://cloud.google.com/sql/docs/postgres/instance-settings). */
    static final long MIN_CUSTOM_MIB = 3840;
    static final String RANGE = "db-f1-micro, db-g1-small, db-custom-<vCPUs>-<MiB> (vCPUs 1 or an even number up to 96; "
            + "memory 0.9–6.5 GB per vCPU, at least 3840 MiB, in multiples of 256 MiB, e.g. db-custom-4-15360), "
            + "db-n1-standard-<1|2|4|…|96>, db-n1-highmem-<2|4|…|96> (MySQL, SQL Server) or "
            + "db-perf-optimized-N-<2|4|8|16|32|48|64|80|96|128> (Enterprise Plus)";

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
        String engine = problems.isEmpty() ? engineProblem(tier, live.get(DATABASE_VERSION).orElse("")) : null;
        if (engine != null) {
            problems.add(TIER, engine);
        }
        Map<String, String> desired = Map.of(TIER, tier);
        nothingChanges(problems, live, desired, TIER);
        problems.throwIfAny();
        return desired;
    }

    /**
     * Why Cloud SQL would not take this tier name, or null: shared-core, custom (vCPU and memory rules
     * from Cloud SQL's instance settings: 1 or an even number of vCPUs up to 96, 0.9–6.5 GB per vCPU,
     * a multiple of 256 MB, at least 3.75 GB) and the predefined series. Whether the project and
     * edition offer it is the API's tiers list, checked by the Google adapter.
     */
    static @Nullable String tierProblem(String tier) {
        if (tier.isEmpty()) {
            return "Tier is required: " + RANGE + ".";
        }
        if (tier.equals("db-f1-micro") || tier.equals("db-g1-small")) {
            return null;
        }
        Matcher predefined = PREDEFINED.matcher(tier);
        if (predefined.matches()) {
            int cpus = Integer.parseInt(predefined.group(2));
            List<Integer> sizes = switch (predefined.group(1)) {
                case "n1-standard" -> N1_STANDARD;
                case "n1-highmem" -> N1_HIGHMEM;
                default -> PERF_OPTIMIZED;
            };
            return sizes.contains(cpus) ? null : "db-" + predefined.group(1) + " comes with " + sizes.stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + " vCPUs, not " + cpus + ".";
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
        long minMib = Math.max(MIN_CUSTOM_MIB, ceilTo256((long) Math.ceil(cpus * 0.9 * 1024)));
        long maxMib = cpus * 6656; // 6.5 GB per vCPU
        if (mib < minMib || mib > maxMib) {
            return "Memory for " + cpus + " vCPU must be between " + minMib + " and " + maxMib
                    + " MiB (0.9–6.5 GB per vCPU, at least 3840 MiB); got " + mib + " MiB.";
        }
        return null;
    }

    /**
     * Cloud SQL for PostgreSQL refuses the db-n1-* series: "Only custom or shared-core instance Billing
     * Tier type allowed for PostgreSQL database." (HTTP 400, quoted in public Terraform reports; the
     * provider's tier docs say the same). Names the custom tier of the same size instead.
     */
    static @Nullable String engineProblem(String tier, String databaseVersion) {
        Matcher predefined = PREDEFINED.matcher(tier);
        if (!databaseVersion.startsWith("POSTGRES") || !predefined.matches() || predefined.group(1).startsWith("perf")) {
            return null;
        }
        int cpus = Integer.parseInt(predefined.group(2));
        long mib = cpus * (predefined.group(1).equals("n1-standard") ? 3840L : 6656L);
        return "Cloud SQL for PostgreSQL offers only shared-core and custom tiers, not " + tier
                + "; the same size is db-custom-" + cpus + "-" + mib + ".";
    }

    private static long ceilTo256(long mib) {
        return (mib + 255) / 256 * 256;
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
