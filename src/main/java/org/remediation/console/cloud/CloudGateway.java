package org.remediation.console.cloud;

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
}
