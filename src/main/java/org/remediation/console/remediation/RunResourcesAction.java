package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.CPU;
import static org.remediation.console.cloud.Attributes.LATEST_READY_REVISION;
import static org.remediation.console.cloud.Attributes.MAX_INSTANCES;
import static org.remediation.console.cloud.Attributes.MEMORY;
import static org.remediation.console.cloud.Attributes.MIN_INSTANCES;
import static org.remediation.console.cloud.Attributes.TIMEOUT_SECONDS;
import static org.remediation.console.cloud.Attributes.TRAFFIC;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/** Cloud Run service template: memory, CPU, request timeout, min/max instances. Creates a revision. */
final class RunResourcesAction extends RunTemplateAction {

    private static final List<String> FIELDS = List.of(MEMORY, CPU, TIMEOUT_SECONDS, MIN_INSTANCES, MAX_INSTANCES);
    private static final Map<String, String> FLAGS = Map.of(MEMORY, "--memory", CPU, "--cpu", TIMEOUT_SECONDS, "--timeout",
            MIN_INSTANCES, "--min-instances", MAX_INSTANCES, "--max-instances");

    @Override
    public ActionKind kind() {
        return ActionKind.RUN_RESOURCES;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(MEMORY, "Memory", CloudRunLimits.MEMORY_RANGE, false),
                new ParamSpec(CPU, "CPU", CloudRunLimits.CPU_RANGE, false),
                new ParamSpec(TIMEOUT_SECONDS, "Request timeout (s)", "1–3600", false),
                new ParamSpec(MIN_INSTANCES, "Min instances", "0–1000", false),
                new ParamSpec(MAX_INSTANCES, "Max instances", "1–1000, not below min", false), sendAllTrafficParam());
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        String memory = params.getOrDefault(MEMORY, "").trim();
        Integer mib = memory.isEmpty() ? null : CloudRunLimits.memoryMib(memory);
        if (!memory.isEmpty() && mib == null) {
            problems.add(MEMORY, "Memory must be " + CloudRunLimits.MEMORY_RANGE + " (got '" + memory + "').");
        }
        String cpuText = params.getOrDefault(CPU, "").trim();
        BigDecimal cpu = cpuText.isEmpty() ? null : CloudRunLimits.cpu(cpuText);
        if (!cpuText.isEmpty() && cpu == null) {
            problems.add(CPU, "CPU must be " + CloudRunLimits.CPU_RANGE + " (got '" + cpuText + "').");
        }
        if (mib != null && cpu != null) {
            enoughCpu(problems, mib, cpu, CPU);
        }
        Integer timeout = intParam(problems, params, TIMEOUT_SECONDS, "Request timeout (s)", 1, 3600, false);
        Integer min = intParam(problems, params, MIN_INSTANCES, "Min instances", 0, 1000, false);
        Integer max = intParam(problems, params, MAX_INSTANCES, "Max instances", 1, 1000, false);
        if (min != null && max != null && min > max) {
            problems.add(MAX_INSTANCES, "Max instances (" + max + ") must not be below min instances (" + min + ").");
        }
        sendAllTraffic(params, problems);
        if (problems.isEmpty() && memory.isEmpty() && cpuText.isEmpty() && timeout == null && min == null && max == null) {
            problems.add(MEMORY, "Give at least one of memory, CPU, timeout, min or max instances "
                    + "(to move traffic only, use run-traffic revision=LATEST).");
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        Map<String, String> desired = new TreeMap<>();
        String memory = params.getOrDefault(MEMORY, "").trim();
        Integer mib = CloudRunLimits.memoryMib(memory.isEmpty() ? live.require(MEMORY) : memory);
        if (!memory.isEmpty() && mib != null) {
            desired.put(MEMORY, memory);
        }
        String cpuText = params.getOrDefault(CPU, "").trim();
        BigDecimal cpu = CloudRunLimits.cpu(cpuText.isEmpty() ? live.require(CPU) : cpuText);
        if (!cpuText.isEmpty() && cpu != null) {
            desired.put(CPU, cpuText);
        }
        // check() compared memory and CPU when both are given; here the live state fills in the other one.
        if ((memory.isEmpty() || cpuText.isEmpty()) && mib != null && cpu != null) {
            enoughCpu(problems, mib, cpu, desired.containsKey(CPU) ? CPU : MEMORY);
        }
        Integer timeout = checkedInt(problems, params, TIMEOUT_SECONDS);
        Integer min = checkedInt(problems, params, MIN_INSTANCES);
        Integer max = checkedInt(problems, params, MAX_INSTANCES);
        int effMin = min != null ? min : live.intValue(MIN_INSTANCES);
        int effMax = max != null ? max : live.intValue(MAX_INSTANCES);
        if (problems.isEmpty() && effMin > effMax) {
            problems.add(MAX_INSTANCES, "Max instances (" + effMax + ") must not be below min instances (" + effMin + ").");
        }
        if (timeout != null) {
            desired.put(TIMEOUT_SECONDS, String.valueOf(timeout));
        }
        if (min != null) {
            desired.put(MIN_INSTANCES, String.valueOf(min));
        }
        if (max != null) {
            desired.put(MAX_INSTANCES, String.valueOf(max));
        }
        nothingChanges(problems, live, desired, MEMORY);
        problems.throwIfAny();
        addTraffic(params, live, desired);
        return desired;
    }

    private static void enoughCpu(Problems problems, int mib, BigDecimal cpu, String field) {
        if (cpu.compareTo(CloudRunLimits.minimumCpuFor(mib)) < 0) {
            problems.add(field, mib + " MiB of memory needs at least "
                    + CloudRunLimits.minimumCpuFor(mib).stripTrailingZeros().toPlainString() + " CPU (has " + cpu.toPlainString() + ").");
        }
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        GcloudLine line = GcloudLine.command("run", "services", "update").name(live.ref().name()).location(live.ref());
        FIELDS.stream().filter(desired::containsKey).forEach(f -> line.flag(FLAGS.get(f), desired.get(f)));
        return withTraffic(line, live, desired);
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        Map<String, String> params = new TreeMap<>();
        for (String f : FIELDS) {
            if (!before.require(f).equals(after.get(f).orElse(NONE))) {
                params.put(f, before.require(f));
            }
        }
        if (params.isEmpty()) {
            return RollbackPlan.impossible("Nothing changed in the service template.");
        }
        String traffic = before.get(TRAFFIC).orElse("").equals(after.get(TRAFFIC).orElse("")) ? ""
                : " Traffic stays as it is now; restore the split " + before.get(TRAFFIC).orElse("?") + " with run-traffic.";
        return RollbackPlan.inverse(params, "Restores the previous settings as a new revision (alternatively shift "
                + "traffic back to revision " + before.get(LATEST_READY_REVISION).orElse("?") + " with run-traffic)." + traffic);
    }
}
