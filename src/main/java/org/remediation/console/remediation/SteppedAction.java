package org.remediation.console.remediation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;

/**
 * An action of several cloud operations run one after another (e.g. create a connector, then move
 * each service onto it). The executor stores the step reached; after a restart it resumes that step
 * from its stored operation, or — when the operation id was never stored — from the live state:
 * {@link #startStep} sends nothing when the step's effect is already in place or under way.
 * {@link #apply} starts step 0.
 */
interface SteppedAction extends RemediationAction {

    /** Whether the resource exists: read it (an adapter's configured list need not name a created one). */
    static boolean exists(CloudGateway gateway, ResourceRef ref) {
        try {
            gateway.read(ref);
            return true;
        } catch (org.remediation.console.cloud.CloudException e) {
            if (e.kind() == org.remediation.console.cloud.CloudException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    /** Checks against the rest of the cloud (other resources, topology); throws InvalidInputException. */
    void checkLive(CloudGateway gateway, ResourceState live, Map<String, String> desired);

    /** Resources besides the action's own that the steps change: each is locked for the whole sequence. */
    List<ResourceRef> touched(Preview preview);

    int stepCount(Preview preview);

    /** One line naming the step, for the journal: "create connector x", "move netra-backend to x". */
    String stepLabel(Preview preview, int step);

    /** Starts the step; null when its effect is already in place or under way (nothing was sent). */
    @Nullable OperationHandle startStep(CloudGateway gateway, Preview preview, int step);

    /** What still differs before the step counts as done; empty when it is done. */
    List<String> verifyStep(CloudGateway gateway, Preview preview, int step);

    /** How the action recorded with these desired values is undone (the executed steps' inverse). */
    RollbackPlan rollbackOf(ResourceRef resource, Map<String, String> desired);

    /** True while the step's effect is still settling in the cloud (connector CREATING, service reconciling). */
    boolean stepUnderWay(CloudGateway gateway, Preview preview, int step);
}
