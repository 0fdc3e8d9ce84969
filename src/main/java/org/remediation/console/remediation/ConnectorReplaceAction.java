package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;

/**
 * Moves Cloud Run services' egress from this connector to another, creating that one first when
 * creation settings are given (a new IP range or a smaller size needs a new connector). Steps:
 * [create], then one service update per service (each a new revision). The old connector stays;
 * deleting it is a separate, separately approved {@code connector-delete}. Rollback moves the
 * services back ({@code direction=back}) while the old connector exists.
 */
final class ConnectorReplaceAction extends AbstractAction implements SteppedAction {

    static final String CONNECTOR = ConnectorReplaceParams.CONNECTOR;
    static final String SERVICES = ConnectorReplaceParams.SERVICES;
    static final String DIRECTION = ConnectorReplaceParams.DIRECTION;
    static final String BACK = ConnectorReplaceParams.BACK;
    static final String FORWARD = ConnectorReplaceParams.FORWARD;
    private static final List<String> CREATION = ConnectorReplaceParams.CREATION;

    @Override
    public ActionKind kind() {
        return ActionKind.CONNECTOR_REPLACE;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(CONNECTOR, "Move to connector", "name of the new connector: lower-case letters, digits, '-', 2–25 characters", true),
                new ParamSpec(SERVICES, "Cloud Run services", "comma-separated service names now using this connector", true),
                new ParamSpec(IP_CIDR_RANGE, "New connector's IP range", "an unused /28, e.g. 10.166.240.0/28; blank when the connector exists", false),
                new ParamSpec(NETWORK, "New connector's network", "blank keeps this connector's network", false),
                new ParamSpec(MACHINE_TYPE, "New connector's machine type", String.join(", ", ScaleConnectorAction.MACHINE_TYPES) + " (blank keeps this one's)", false),
                new ParamSpec(MIN_INSTANCES, "New connector's minimum instances", "2–9 (blank keeps this one's)", false),
                new ParamSpec(MAX_INSTANCES, "New connector's maximum instances", "3–10, above minimum (blank keeps this one's)", false),
                new ParamSpec(DIRECTION, "Direction", "forward (default) or back: move the services from the named connector back to this one", false));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        ConnectorReplaceParams.check(params, problems);
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        String connector = params.getOrDefault(CONNECTOR, "").trim();
        if (connector.equals(live.ref().name())) {
            problems.add(CONNECTOR, "The services already use " + connector + "; name a different connector.");
        }
        Map<String, String> desired = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            desired.put(CONNECTOR, connector);
            desired.put(SERVICES, String.join(",", services(params)));
            desired.put(DIRECTION, params.getOrDefault(DIRECTION, "").isBlank() ? FORWARD : params.get(DIRECTION).trim());
            if (!params.getOrDefault(IP_CIDR_RANGE, "").isBlank()) {
                desired.put(IP_CIDR_RANGE, params.get(IP_CIDR_RANGE).trim());
                for (String field : List.of(NETWORK, MACHINE_TYPE, MIN_INSTANCES, MAX_INSTANCES)) {
                    String given = params.getOrDefault(field, "").trim();
                    desired.put(field, given.isEmpty() ? live.require(field) : given);
                }
                if (Integer.parseInt(desired.get(MIN_INSTANCES)) >= Integer.parseInt(desired.get(MAX_INSTANCES))) {
                    problems.add(MAX_INSTANCES, "Maximum instances (" + desired.get(MAX_INSTANCES)
                            + ") must be greater than minimum instances (" + desired.get(MIN_INSTANCES) + ").");
                }
            }
        }
        problems.throwIfAny();
        return desired;
    }

    @Override
    public void checkLive(CloudGateway gateway, ResourceState live, Map<String, String> desired) {
        Problems problems = new Problems();
        ResourceRef other = other(live.ref(), desired);
        boolean exists = SteppedAction.exists(gateway, other);
        if (creates(desired) && exists) {
            problems.add(CONNECTOR, other.name() + " already exists: leave the IP range and size empty to move onto it.");
        } else if (!creates(desired) && !exists) {
            problems.add(CONNECTOR, other.name() + " does not exist: give an IP range (and size) to create it.");
        } else if (!creates(desired)) {
            String state = gateway.read(other).get(STATE).orElse("");
            problems.check(state.equals("READY"), CONNECTOR, other.name() + " is " + state + "; services can move only to a READY connector.");
        }
        ResourceRef from = BACK.equals(desired.get(DIRECTION)) ? other : live.ref();
        var topology = gateway.topology();
        for (ResourceRef service : services(live.ref(), desired)) {
            if (!gateway.resources().contains(service)) {
                problems.add(SERVICES, service.name() + " is not a Cloud Run service of the " + gateway.name() + " cloud.");
            } else if (topology.unread().contains(service)) {
                problems.add(SERVICES, service.name() + " could not be read; try again.");
            } else if (!topology.servicesUsing(from).contains(service)) {
                problems.add(SERVICES, service.name() + " does not use " + from.name() + " (it uses "
                        + topology.linkOf(service).map(l -> l.connector().name()).orElse("no connector") + ").");
            }
        }
        problems.throwIfAny();
    }

    @Override
    public Preview preview(ResourceState live, Map<String, String> desired, String project) {
        List<DiffRow> diff = new ArrayList<>();
        ResourceRef other = other(live.ref(), desired);
        if (creates(desired)) {
            for (String field : CREATION) {
                diff.add(new DiffRow(other.name() + " (new)." + field, NONE, desired.get(field)));
            }
        }
        ResourceRef from = BACK.equals(desired.get(DIRECTION)) ? other : live.ref();
        ResourceRef to = BACK.equals(desired.get(DIRECTION)) ? live.ref() : other;
        for (ResourceRef service : services(live.ref(), desired)) {
            diff.add(new DiffRow(service.name() + "." + VPC_CONNECTOR, from.name(), to.name()));
        }
        Effects fx = effects(live, desired);
        return new Preview(kind(), live.ref(), diff, fx.effects(), fx.notes(), gcloud(live, desired).render(project),
                rollbackOf(live.ref(), desired), live.fingerprint(), desired, live.readAt());
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        List<String> notes = new ArrayList<>();
        ResourceRef to = BACK.equals(desired.get(DIRECTION)) ? live.ref() : other(live.ref(), desired);
        notes.add("Each service gets a new revision whose egress goes through " + to.name()
                + "; the steps run one after another and each is verified (service Ready, serving a revision on " + to.name() + ").");
        if (creates(desired)) {
            notes.add("Creating " + to.name() + " takes a few minutes; its /28 must not overlap another range in the network.");
        }
        if (!BACK.equals(desired.get(DIRECTION))) {
            notes.add(live.ref().name() + " is kept: delete it separately (connector-delete) once the services are healthy; "
                    + "until then the services can be moved back.");
        }
        return new Effects(List.of(SideEffect.NEW_REVISION), notes);
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        List<GcloudLine> lines = new ArrayList<>();
        ResourceRef other = other(live.ref(), desired);
        if (creates(desired)) {
            lines.add(GcloudLine.command("compute", "networks", "vpc-access", "connectors", "create").name(other.name())
                    .location(live.ref()).flag("--network", desired.get(NETWORK)).flag("--range", desired.get(IP_CIDR_RANGE))
                    .flag("--machine-type", desired.get(MACHINE_TYPE)).flag("--min-instances", desired.get(MIN_INSTANCES))
                    .flag("--max-instances", desired.get(MAX_INSTANCES)));
        }
        ResourceRef to = BACK.equals(desired.get(DIRECTION)) ? live.ref() : other;
        for (ResourceRef service : services(live.ref(), desired)) {
            lines.add(GcloudLine.command("run", "services", "update").name(service.name()).location(service)
                    .flag("--vpc-connector", to.name()));
        }
        GcloudLine first = lines.getFirst();
        lines.subList(1, lines.size()).forEach(first::andThen);
        return first;
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        return RollbackPlan.impossible("A connector replacement is rolled back from its own record.");
    }

    /** The inverse: the same services back to the connector they came from (while it exists). */
    @Override
    public RollbackPlan rollbackOf(ResourceRef resource, Map<String, String> desired) {
        boolean back = BACK.equals(desired.get(DIRECTION));
        String from = back ? resource.name() : desired.get(CONNECTOR);
        String to = back ? desired.get(CONNECTOR) : resource.name();
        return RollbackPlan.inverse(Map.of(CONNECTOR, desired.get(CONNECTOR), SERVICES, desired.get(SERVICES),
                DIRECTION, back ? FORWARD : BACK), "Moves " + desired.get(SERVICES) + " from " + from + " back to " + to
                + " (possible while " + to + " exists; each service gets a new revision).");
    }

    @Override
    public List<String> verify(ResourceState after, Map<String, String> desired) {
        return List.of(); // each step verifies itself (verifyStep); the connector itself is unchanged
    }

    @Override
    public OperationHandle apply(CloudGateway gateway, Preview preview, String requestId) {
        OperationHandle first = startStep(gateway, preview, 0);
        if (first == null) {
            throw new CloudException(CloudException.Kind.CONFLICT, stepLabel(preview, 0) + " is already in place; preview again.");
        }
        return first;
    }

    @Override
    public List<ResourceRef> touched(Preview preview) {
        List<ResourceRef> refs = new ArrayList<>();
        refs.add(other(preview.resource(), preview.desired()));
        refs.addAll(services(preview.resource(), preview.desired()));
        return refs;
    }

    @Override
    public int stepCount(Preview preview) {
        return (creates(preview.desired()) ? 1 : 0) + services(preview.resource(), preview.desired()).size();
    }

    @Override
    public String stepLabel(Preview preview, int step) {
        if (isCreate(preview, step)) {
            return "create connector " + preview.desired().get(CONNECTOR);
        }
        return "move " + service(preview, step).name() + " to " + target(preview).name();
    }

    @Override
    public @Nullable OperationHandle startStep(CloudGateway gateway, Preview preview, int step) {
        if (isCreate(preview, step)) {
            ResourceRef created = other(preview.resource(), preview.desired());
            if (SteppedAction.exists(gateway, created)) {
                return null; // sent before a restart: wait for it instead of sending again
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            CREATION.forEach(f -> attrs.put(f, preview.desired().get(f)));
            return gateway.create(created, attrs);
        }
        ResourceRef service = service(preview, step);
        ResourceState live = gateway.read(service);
        if (live.get(VPC_CONNECTOR).orElse("").equals(target(preview).name()) || "true".equals(live.get(RECONCILING).orElse(""))) {
            return null;
        }
        String from = source(preview).name();
        if (!live.get(VPC_CONNECTOR).orElse("").equals(from)) {
            throw new CloudException(CloudException.Kind.CONFLICT, service.name() + " now uses "
                    + live.get(VPC_CONNECTOR).orElse("no connector") + ", not " + from + "; someone changed it meanwhile.");
        }
        return gateway.apply(new CloudChange(service, Map.of(VPC_CONNECTOR, target(preview).name()), live.fingerprint()));
    }

    @Override
    public List<String> verifyStep(CloudGateway gateway, Preview preview, int step) {
        if (isCreate(preview, step)) {
            ResourceRef created = other(preview.resource(), preview.desired());
            if (!SteppedAction.exists(gateway, created)) {
                return List.of(created.name() + " does not exist");
            }
            String state = gateway.read(created).get(STATE).orElse("");
            return state.equals("READY") ? List.of() : List.of(created.name() + " is " + state);
        }
        ResourceState s = gateway.read(service(preview, step));
        List<String> problems = new ArrayList<>();
        String to = target(preview).name();
        if (!s.get(VPC_CONNECTOR).orElse("").equals(to)) {
            problems.add(s.ref().name() + " uses " + s.get(VPC_CONNECTOR).orElse("no connector") + ", expected " + to);
        }
        if (!s.get(STATE).orElse("").equals("READY") || "true".equals(s.get(RECONCILING).orElse(""))) {
            problems.add(s.ref().name() + " is not Ready (" + s.get(STATE).orElse("?") + ")");
        }
        String latest = s.get(LATEST_READY_REVISION).orElse("");
        String traffic = s.get(TRAFFIC).orElse("");
        if (!traffic.equals("LATEST=100") && !traffic.equals(latest + "=100")) {
            problems.add(s.ref().name() + " does not serve its latest revision " + latest + " (traffic " + traffic
                    + "): the revision on " + to + " gets less than 100 %");
        }
        return problems;
    }

    @Override
    public boolean stepUnderWay(CloudGateway gateway, Preview preview, int step) {
        if (isCreate(preview, step)) {
            ResourceRef created = other(preview.resource(), preview.desired());
            return SteppedAction.exists(gateway, created) && gateway.read(created).get(STATE).orElse("").equals("CREATING");
        }
        return "true".equals(gateway.read(service(preview, step)).get(RECONCILING).orElse(""));
    }

    private static boolean creates(Map<String, String> desired) {
        return desired.containsKey(IP_CIDR_RANGE);
    }

    private static boolean isCreate(Preview preview, int step) {
        return step == 0 && creates(preview.desired());
    }

    private static ResourceRef service(Preview preview, int step) {
        return services(preview.resource(), preview.desired()).get(step - (creates(preview.desired()) ? 1 : 0));
    }

    private static ResourceRef other(ResourceRef resource, Map<String, String> desired) {
        return new ResourceRef(ResourceKind.VPC_CONNECTOR, resource.location(), desired.getOrDefault(CONNECTOR, resource.name()));
    }

    private static ResourceRef target(Preview p) {
        return BACK.equals(p.desired().get(DIRECTION)) ? p.resource() : other(p.resource(), p.desired());
    }

    private static ResourceRef source(Preview p) {
        return BACK.equals(p.desired().get(DIRECTION)) ? other(p.resource(), p.desired()) : p.resource();
    }

    private static List<ResourceRef> services(ResourceRef resource, Map<String, String> desired) {
        return services(desired).stream().map(s -> new ResourceRef(ResourceKind.RUN_SERVICE, resource.location(), s)).toList();
    }

    private static List<String> services(Map<String, String> params) {
        return ConnectorReplaceParams.services(params);
    }
}
