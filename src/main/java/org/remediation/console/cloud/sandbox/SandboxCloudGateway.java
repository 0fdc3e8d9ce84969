package org.remediation.console.cloud.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated cloud behind the {@link CloudGateway} port. Operations are rows with a start time and
 * a duration; they advance with the clock and finish when polled or when their resource is read, so
 * they carry on across restarts. Every call runs in its own transaction, like a remote API would.
 */
class SandboxCloudGateway implements CloudGateway {

    static final String OUTCOME_OK = "OK";
    static final String CREATE = "connector.create";
    static final String DELETE = "connector.delete";
    private static final java.util.Set<String> LIFECYCLE = java.util.Set.of(CREATE, DELETE);

    private final SandboxStore store;
    private final Clock clock;
    private final SandboxProperties properties;
    private final TransactionTemplate tx;

    SandboxCloudGateway(SandboxStore store, Clock clock, SandboxProperties properties, PlatformTransactionManager txm) {
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(txm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String project() {
        return SandboxTopology.PROJECT;
    }

    @Override
    public List<ResourceRef> resources() {
        List<String> stored = store.resourceRefs();
        List<ResourceRef> refs = new java.util.ArrayList<>(SandboxTopology.initial(clock.instant()).keySet().stream()
                .filter(ref -> stored.contains(ref.toString())).toList());
        stored.stream().sorted().map(ResourceRef::parse).filter(ref -> !refs.contains(ref)).forEach(refs::add);
        return List.copyOf(refs); // the #1278 topology first, then what was created since (new connectors)
    }

    @Override
    public ResourceState read(ResourceRef ref) {
        return tx.execute(status -> {
            store.openOperations(ref).forEach(this::advance);
            Map<String, String> attrs = store.resource(ref).orElseThrow(() -> notFound(ref));
            return new ResourceState(ref, SandboxRunEnv.reported(ref, attrs), clock.instant());
        });
    }

    @Override
    public OperationHandle apply(CloudChange change) {
        ResourceRef ref = change.ref();
        String readOnly = SandboxChanges.readOnly(ref);
        if (readOnly != null) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, readOnly);
        }
        return tx.execute(status -> {
            store.openOperations(ref).forEach(this::advance);
            Map<String, String> current = store.lockResource(ref).orElseThrow(() -> notFound(ref));
            String kind = SandboxChanges.operationKind(ref, change.desired());
            Optional<Fault> fault = faultFor(ref, kind);
            if (fault.orElse(null) == Fault.PERMISSION_DENIED) {
                String[] p = SandboxChanges.permission(ref.kind());
                throw CloudException.permissionDenied(p[0], p[1]);
            }
            if (fault.orElse(null) == Fault.RATE_LIMIT) {
                throw new CloudException(CloudException.Kind.RATE_LIMITED,
                        "Quota exceeded for " + kind + " requests (sandbox fault): try again in a minute.");
            }
            Optional<SandboxStore.Operation> running = store.openOperations(ref).stream().filter(o -> !o.done()).findFirst();
            if (running.isPresent()) {
                throw new CloudException(CloudException.Kind.BUSY, "Another operation (" + running.get().kind() + ", "
                        + running.get().id() + ") is already running on " + ref + ".");
            }
            String live = new ResourceState(ref, SandboxRunEnv.reported(ref, current), clock.instant()).fingerprint();
            if (!live.equals(change.expectedFingerprint())) {
                throw new CloudException(CloudException.Kind.CONFLICT,
                        ref + " changed since it was previewed; preview it again.");
            }
            String refusal = SandboxChanges.refusal(ref, current, change.desired());
            if (refusal == null) {
                refusal = connectorRefusal(ref, change.desired());
            }
            if (refusal != null) {
                throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, refusal);
            }
            Instant now = clock.instant();
            String id = "operations/sbx-" + UUID.randomUUID();
            String outcome = fault.map(Fault::name).orElse(OUTCOME_OK);
            store.insertOperation(new SandboxStore.Operation(id, ref, kind, change.desired(), now,
                    properties.operationDuration(), outcome, false, null));
            store.replaceResource(ref, SandboxChanges.updating(ref, current));
            return new OperationHandle(id, ref, now);
        });
    }

    @Override
    public OperationHandle create(ResourceRef ref, Map<String, String> attributes) {
        if (ref.kind() != ResourceKind.VPC_CONNECTOR) {
            return CloudGateway.super.create(ref, attributes);
        }
        return tx.execute(status -> {
            refuseOnFault(ref, CREATE);
            if (store.lockResource(ref).isPresent()) {
                throw new CloudException(CloudException.Kind.CONFLICT, "Resource '" + ref + "' already exists.");
            }
            List<Map<String, String>> others = store.resourceRefs().stream().map(ResourceRef::parse)
                    .filter(r -> r.kind() == ResourceKind.VPC_CONNECTOR).map(r -> store.resource(r).orElse(Map.of())).toList();
            String refusal = SandboxConnectors.refusal(ref.name(), attributes, others);
            if (refusal != null) {
                throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, refusal);
            }
            Map<String, String> creating = new java.util.TreeMap<>(attributes);
            creating.put(Attributes.STATE, "CREATING");
            store.replaceResource(ref, creating);
            return start(ref, CREATE, attributes);
        });
    }

    /** Deletes even a connector in use, as Google does; the console's action refuses that itself. */
    @Override
    public OperationHandle delete(ResourceRef ref, String expectedFingerprint) {
        if (ref.kind() != ResourceKind.VPC_CONNECTOR) {
            return CloudGateway.super.delete(ref, expectedFingerprint);
        }
        return tx.execute(status -> {
            store.openOperations(ref).forEach(this::advance);
            Map<String, String> current = store.lockResource(ref).orElseThrow(() -> notFound(ref));
            refuseOnFault(ref, DELETE);
            if (!store.openOperations(ref).isEmpty()) {
                throw new CloudException(CloudException.Kind.CONFLICT, "Another operation is already running on " + ref + ".");
            }
            if (!new ResourceState(ref, current, clock.instant()).fingerprint().equals(expectedFingerprint)) {
                throw new CloudException(CloudException.Kind.CONFLICT, ref + " changed since it was previewed; preview it again.");
            }
            Map<String, String> deleting = new java.util.TreeMap<>(current);
            deleting.put(Attributes.STATE, "DELETING");
            store.replaceResource(ref, deleting);
            return start(ref, DELETE, Map.of(Attributes.STATE, "DELETED"));
        });
    }

    private void refuseOnFault(ResourceRef ref, String kind) {
        Fault fault = faultFor(ref, kind).orElse(null);
        if (fault == Fault.PERMISSION_DENIED) {
            throw CloudException.permissionDenied("vpcaccess.connectors." + kind.substring(kind.indexOf('.') + 1),
                    "roles/vpcaccess.admin");
        }
        if (fault == Fault.RATE_LIMIT) {
            throw new CloudException(CloudException.Kind.RATE_LIMITED,
                    "Quota exceeded for " + kind + " requests (sandbox fault): try again in a minute.");
        }
    }

    private OperationHandle start(ResourceRef ref, String kind, Map<String, String> desired) {
        Instant now = clock.instant();
        String id = "operations/sbx-" + UUID.randomUUID();
        String outcome = faultFor(ref, kind).map(Fault::name).orElse(OUTCOME_OK);
        store.insertOperation(new SandboxStore.Operation(id, ref, kind, desired, now, properties.operationDuration(),
                outcome, false, null));
        return new OperationHandle(id, ref, now);
    }

    /** A finished connector create or delete: the connector becomes READY, or is gone. */
    private void settleLifecycle(SandboxStore.Operation op, boolean succeeded) {
        boolean gone = op.kind().equals(DELETE) == succeeded;
        if (gone) {
            store.deleteResource(op.ref());
        } else {
            store.lockResource(op.ref()).ifPresent(attrs -> store.replaceResource(op.ref(), SandboxChanges.settled(op.ref(), attrs)));
        }
    }

    @Override
    public OperationStatus poll(OperationHandle operation) {
        return tx.execute(status -> {
            SandboxStore.Operation op = store.operation(operation.id()).orElseThrow(() -> new CloudException(
                    CloudException.Kind.NOT_FOUND, "Operation " + operation.id() + " does not exist."));
            return advance(op);
        });
    }

    @Override
    public Optional<OperationStatus> runningOperation(ResourceRef ref) {
        return tx.execute(status -> store.openOperations(ref).stream().map(this::advance)
                .filter(s -> !s.done()).findFirst());
    }

    /** Moves one operation forward to the current time; finishes it when its time has come. */
    private OperationStatus advance(SandboxStore.Operation op) {
        if (op.done()) {
            return new OperationStatus(op.id(), true, 100, op.error() == null ? "Done" : "Failed", op.error());
        }
        Duration elapsed = Duration.between(op.startedAt(), clock.instant());
        long total = Math.max(1, op.duration().toMillis());
        int percent = (int) Math.min(100, Math.max(0, elapsed.toMillis() * 100 / total));
        if (op.outcome().equals(Fault.HANG.name())) {
            return running(op, Math.min(percent, 60));
        }
        if (op.outcome().equals(Fault.FAIL.name()) && percent >= 50) {
            String error = "Operation " + op.kind() + " failed half-way (sandbox fault); nothing was changed.";
            if (store.finish(op.id(), error, clock.instant())) {
                if (LIFECYCLE.contains(op.kind())) {
                    settleLifecycle(op, false);
                } else {
                    store.lockResource(op.ref()).ifPresent(attrs ->
                            store.replaceResource(op.ref(), SandboxChanges.settled(op.ref(), attrs)));
                }
            }
            return new OperationStatus(op.id(), true, 100, "Failed", error);
        }
        if (percent >= 100) {
            if (store.finish(op.id(), null, clock.instant())) {
                if (LIFECYCLE.contains(op.kind())) {
                    settleLifecycle(op, true);
                } else {
                    store.lockResource(op.ref()).ifPresent(attrs ->
                            store.replaceResource(op.ref(), SandboxChanges.applied(op.ref(), attrs, op.desired())));
                }
            }
            return new OperationStatus(op.id(), true, 100, "Done", null);
        }
        return running(op, percent);
    }

    private static OperationStatus running(SandboxStore.Operation op, int percent) {
        String step = percent < 25 ? "Accepted" : percent < 50 ? "Provisioning" : percent < 75 ? "Applying" : "Finalising";
        return new OperationStatus(op.id(), false, Math.min(percent, 99), step + " " + op.kind(), null);
    }

    /**
     * Cloud Run refuses a template naming a connector that does not exist or is not ready ("VPC
     * connector is not ready yet or does not exist", quoted in terraform-provider-google#7111).
     */
    private @Nullable String connectorRefusal(ResourceRef ref, Map<String, String> desired) {
        String name = desired.get(Attributes.VPC_CONNECTOR);
        if (ref.kind() != ResourceKind.RUN_SERVICE || name == null) {
            return null;
        }
        ResourceRef connector = new ResourceRef(ResourceKind.VPC_CONNECTOR, ref.location(), name);
        String state = store.resource(connector).map(a -> a.getOrDefault(Attributes.STATE, "")).orElse(null);
        return "READY".equals(state) ? null : "VPC connector " + connector + " is not ready yet or does not exist"
                + (state == null ? "" : " (it is " + state + ")") + ".";
    }

    private Optional<Fault> faultFor(ResourceRef ref, String kind) {
        Optional<FaultRule> byResource = store.fault(ref.toString());
        return byResource.or(() -> store.fault(kind)).map(FaultRule::fault);
    }

    private static CloudException notFound(ResourceRef ref) {
        return new CloudException(CloudException.Kind.NOT_FOUND, ref + " does not exist in the sandbox.");
    }
}
