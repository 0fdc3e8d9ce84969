package org.remediation.console.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cloud, as the console needs it. Implementations: the sandbox (simulated, default) and Google
 * Cloud. Every method may throw {@link CloudException}; none of them retries a call whose outcome is
 * unknown.
 */
public interface CloudGateway {

    /** Short name for display and audit: {@code sandbox} or {@code gcp}. */
    String name();

    /**
     * The project the resources live in, as gcloud's {@code --project} takes it: the configured Google
     * Cloud project, or the sandbox's simulated one.
     */
    String project();

    /** The resources this console shows (configured per adapter). */
    List<ResourceRef> resources();

    /** Reads the live state of one resource. */
    ResourceState read(ResourceRef ref);

    /**
     * Starts applying a change. Refuses with {@link CloudException.Kind#CONFLICT} when the live
     * state's fingerprint differs from {@link CloudChange#expectedFingerprint()}.
     */
    OperationHandle apply(CloudChange change);

    /** Reads where an operation is; safe to call repeatedly and after a restart. */
    OperationStatus poll(OperationHandle operation);

    /**
     * The newest operation on this resource that has not finished (whoever started it), found by
     * listing the provider's operations: how a change whose answer was lost is found again, and how
     * a busy resource names what it is busy with.
     */
    Optional<OperationStatus> runningOperation(ResourceRef ref);

    /**
     * Starts creating a resource with these attributes (names from {@link Attributes}); so far only
     * VPC connectors ({@link Attributes#NETWORK}, {@link Attributes#IP_CIDR_RANGE}, machine type and
     * instances). Refuses with CONFLICT when it exists already, INVALID_ARGUMENT when the provider's
     * rules reject it (name pattern, a range overlapping another connector's).
     */
    default OperationHandle create(ResourceRef ref, java.util.Map<String, String> attributes) {
        throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, ref.kind().label() + "s cannot be created by "
                + name() + ".");
    }

    /**
     * Starts deleting a resource (so far only VPC connectors), refusing with CONFLICT when its state
     * no longer has {@code expectedFingerprint}. Google deletes a connector that services still use
     * (their egress then fails): callers check {@link #topology()} first.
     */
    default OperationHandle delete(ResourceRef ref, String expectedFingerprint) {
        throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, ref.kind().label() + "s cannot be deleted by "
                + name() + ".");
    }

    /**
     * Which Cloud Run services use which VPC connector, from each service's live state (every
     * adapter reports {@link Attributes#VPC_CONNECTOR} on its services). A service that cannot be
     * read is listed in {@link Topology#unread()} rather than failing the whole answer.
     */
    default Topology topology() {
        List<Topology.ConnectorLink> links = new ArrayList<>();
        List<ResourceRef> unread = new ArrayList<>();
        for (ResourceRef ref : resources()) {
            if (ref.kind() != ResourceKind.RUN_SERVICE) {
                continue;
            }
            try {
                Topology.linkOf(read(ref)).ifPresent(links::add);
            } catch (CloudException e) {
                unread.add(ref);
            }
        }
        return new Topology(links, unread);
    }
}
