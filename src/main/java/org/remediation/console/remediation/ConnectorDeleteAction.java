package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.STATE;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.Topology;

/**
 * Deletes a VPC connector — the last, separately approved step of a replacement. Google deletes a
 * connector even while services use it (their egress then fails), so this refuses itself while the
 * topology shows a user, or cannot rule one out (a service that could not be read); at request time
 * and again right before sending.
 */
final class ConnectorDeleteAction extends AbstractAction implements SteppedAction {

    static final String CONFIRM = "confirm";

    @Override
    public ActionKind kind() {
        return ActionKind.CONNECTOR_DELETE;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(CONFIRM, "Type the connector's name", "deleting cannot be undone", true));
    }

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        problems.check(!params.getOrDefault(CONFIRM, "").isBlank(), CONFIRM,
                "Type the connector's name to confirm: deleting it cannot be undone.");
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        if (problems.isEmpty()) {
            problems.check(params.get(CONFIRM).trim().equals(live.ref().name()), CONFIRM, "Type exactly '"
                    + live.ref().name() + "' to confirm (got '" + params.get(CONFIRM).trim() + "').");
            problems.check(live.get(STATE).orElse("").equals("READY") || live.get(STATE).orElse("").equals("ERROR"), CONFIRM,
                    live.ref().name() + " is " + live.get(STATE).orElse("?") + "; wait until it is READY.");
        }
        problems.throwIfAny();
        return Map.of(STATE, "DELETED");
    }

    @Override
    public void checkLive(CloudGateway gateway, ResourceState live, Map<String, String> desired) {
        String users = users(gateway.topology(), live.ref());
        if (users != null) {
            throw new InvalidInputException(CONFIRM, users);
        }
    }

    /** Why the connector must not be deleted now, or null when no service uses it. */
    private static @Nullable String users(Topology topology, ResourceRef connector) {
        List<ResourceRef> using = topology.servicesUsing(connector);
        if (!using.isEmpty()) {
            return connector.name() + " is still used by " + String.join(", ", using.stream().map(ResourceRef::name).toList())
                    + ": deleting it would cut their egress. Move them first (connector-replace).";
        }
        if (!topology.unread().isEmpty()) {
            return "Could not read " + String.join(", ", topology.unread().stream().map(ResourceRef::name).toList())
                    + ", so it is unknown whether they use " + connector.name() + "; try again.";
        }
        return null;
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        return new Effects(List.of(SideEffect.IRREVERSIBLE_IN_PLACE), List.of("Irreversible: " + live.ref().name()
                + " (" + live.get(org.remediation.console.cloud.Attributes.IP_CIDR_RANGE).orElse("?")
                + ") is deleted; recreating it needs a connector-replace with the same range."));
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        return GcloudLine.command("compute", "networks", "vpc-access", "connectors", "delete").name(live.ref().name())
                .location(live.ref());
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        return RollbackPlan.impossible("A deleted connector cannot be restored; create a new one (connector-replace).");
    }

    @Override
    public RollbackPlan rollbackOf(ResourceRef resource, Map<String, String> desired) {
        return rollback(new ResourceState(resource, Map.of(), java.time.Instant.EPOCH), new ResourceState(resource, Map.of(), java.time.Instant.EPOCH));
    }

    @Override
    public OperationHandle apply(CloudGateway gateway, Preview preview, String requestId) {
        OperationHandle h = startStep(gateway, preview, 0);
        if (h == null) {
            throw new CloudException(CloudException.Kind.CONFLICT, preview.resource() + " is already being deleted.");
        }
        return h;
    }

    @Override
    public List<String> verify(ResourceState after, Map<String, String> desired) {
        return List.of(after.ref().name() + " still exists (" + after.get(STATE).orElse("?") + ")");
    }

    @Override
    public List<ResourceRef> touched(Preview preview) {
        return List.of();
    }

    @Override
    public int stepCount(Preview preview) {
        return 1;
    }

    @Override
    public String stepLabel(Preview preview, int step) {
        return "delete connector " + preview.resource().name();
    }

    @Override
    public @Nullable OperationHandle startStep(CloudGateway gateway, Preview preview, int step) {
        if (!SteppedAction.exists(gateway, preview.resource())
                || gateway.read(preview.resource()).get(STATE).orElse("").equals("DELETING")) {
            return null; // sent before a restart
        }
        String users = users(gateway.topology(), preview.resource());
        if (users != null) {
            throw new CloudException(CloudException.Kind.CONFLICT, users); // a service moved onto it since the preview
        }
        return gateway.delete(preview.resource(), preview.fingerprint());
    }

    @Override
    public List<String> verifyStep(CloudGateway gateway, Preview preview, int step) {
        return SteppedAction.exists(gateway, preview.resource()) ? verify(gateway.read(preview.resource()), preview.desired())
                : List.of();
    }

    @Override
    public boolean stepUnderWay(CloudGateway gateway, Preview preview, int step) {
        return SteppedAction.exists(gateway, preview.resource())
                && gateway.read(preview.resource()).get(STATE).orElse("").equals("DELETING");
    }
}
