package org.remediation.console.cloud;

import java.util.ArrayList;
import java.util.List;

/**
 * The cloud, as the console needs it. Implementations: the sandbox (simulated, default) and Google
 * Cloud. Every method may throw {@link CloudException}; none of them retries a call whose outcome is
 * unknown.
 */
public interface CloudGateway {

    /** Short name for display and audit: {@code sandbox} or {@code gcp}. */
    String name();

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
