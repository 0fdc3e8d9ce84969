package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.MACHINE_TYPE;
import static org.remediation.console.cloud.Attributes.MAX_INSTANCES;
import static org.remediation.console.cloud.Attributes.MIN_INSTANCES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/** Serverless VPC Access connector: min/max instances (never lowered in place) and machine type. */
final class ScaleConnectorAction extends AbstractAction {

    static final List<String> MACHINE_TYPES = List.of("f1-micro", "e2-micro", "e2-standard-4");
    static final String IRREVERSIBLE = "Connector instances cannot be lowered in place: rolling back a scale-up "
            + "requires deleting and recreating the connector (every service using it loses egress meanwhile).";

    @Override
    public ActionKind kind() {
        return ActionKind.SCALE_CONNECTOR;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(MIN_INSTANCES, "Minimum instances", "2–9, below maximum; cannot be lowered in place", true),
                new ParamSpec(MAX_INSTANCES, "Maximum instances", "3–10; cannot be lowered in place", true),
                new ParamSpec(MACHINE_TYPE, "Machine type", String.join(", ", MACHINE_TYPES) + " (blank keeps the current one)", false));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        Integer min = intParam(problems, params, MIN_INSTANCES, "Minimum instances", 2, 9, true);
        Integer max = intParam(problems, params, MAX_INSTANCES, "Maximum instances", 3, 10, true);
        String machine = params.getOrDefault(MACHINE_TYPE, "").trim();
        if (!machine.isEmpty() && !MACHINE_TYPES.contains(machine)) {
            problems.add(MACHINE_TYPE, "Machine type must be one of " + String.join(", ", MACHINE_TYPES)
                    + " (got '" + machine + "').");
        }
        if (min != null && max != null && min >= max) {
            problems.add(MAX_INSTANCES, "Maximum instances (" + max + ") must be greater than minimum instances (" + min + ").");
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        Integer min = checkedInt(problems, params, MIN_INSTANCES);
        Integer max = checkedInt(problems, params, MAX_INSTANCES);
        String machine = params.getOrDefault(MACHINE_TYPE, "").trim();
        if (machine.isEmpty()) {
            machine = live.get(MACHINE_TYPE).orElse("e2-micro");
        }
        if (min != null && min < live.intValue(MIN_INSTANCES)) {
            problems.add(MIN_INSTANCES, "Minimum instances cannot be lowered in place (now " + live.require(MIN_INSTANCES)
                    + "); lowering requires recreating the connector.");
        }
        if (max != null && max < live.intValue(MAX_INSTANCES)) {
            problems.add(MAX_INSTANCES, "Maximum instances cannot be lowered in place (now " + live.require(MAX_INSTANCES)
                    + "); lowering requires recreating the connector.");
        }
        Map<String, String> desired = new TreeMap<>();
        if (problems.isEmpty()) {
            desired.put(MIN_INSTANCES, String.valueOf(min));
            desired.put(MAX_INSTANCES, String.valueOf(max));
            desired.put(MACHINE_TYPE, machine);
            nothingChanges(problems, live, desired, MAX_INSTANCES);
        }
        problems.throwIfAny();
        return desired;
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        List<SideEffect> fx = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!live.require(MACHINE_TYPE).equals(desired.get(MACHINE_TYPE))) {
            fx.add(SideEffect.RESTART);
            notes.add("Connector instances are replaced one by one with " + desired.get(MACHINE_TYPE)
                    + " machines; open connections through the connector may drop.");
        }
        if (scalesUp(live, desired)) {
            fx.add(SideEffect.IRREVERSIBLE_IN_PLACE);
            notes.add("Irreversible in place: " + IRREVERSIBLE);
        }
        return new Effects(fx, notes);
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        return GcloudLine.command("compute", "networks", "vpc-access", "connectors", "update").name(live.ref().name())
                .location(live.ref()).flag("--min-instances", desired.get(MIN_INSTANCES))
                .flag("--max-instances", desired.get(MAX_INSTANCES)).flag("--machine-type", desired.get(MACHINE_TYPE));
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        if (scalesUp(before, after.attributes())) {
            return RollbackPlan.impossible(IRREVERSIBLE);
        }
        return RollbackPlan.inverse(Map.of(MIN_INSTANCES, before.require(MIN_INSTANCES), MAX_INSTANCES,
                before.require(MAX_INSTANCES), MACHINE_TYPE, before.require(MACHINE_TYPE)),
                "Restores machine type " + before.require(MACHINE_TYPE) + ".");
    }

    private static boolean scalesUp(ResourceState before, Map<String, String> after) {
        return Integer.parseInt(after.get(MIN_INSTANCES)) > before.intValue(MIN_INSTANCES)
                || Integer.parseInt(after.get(MAX_INSTANCES)) > before.intValue(MAX_INSTANCES);
    }
}
