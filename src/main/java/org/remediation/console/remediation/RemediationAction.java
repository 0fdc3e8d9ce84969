package org.remediation.console.remediation;

import java.util.List;
import java.util.Map;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.ResourceState;

/**
 * One kind of remediation: validate → preview → apply → verify → rollback. Implementations are
 * stateless and provider-neutral: they speak only the {@link CloudGateway} port.
 */
public interface RemediationAction {

    ActionKind kind();

    /** The parameters the request form asks for, with their valid ranges. */
    List<ParamSpec> parameters();

    /**
     * The checks that need no live state: unknown or missing parameters, whole numbers within their
     * documented range, allowed values, and relations between values that are both given. Adds one
     * problem per bad parameter, named by the parameter. {@link #validate} runs these first, and a
     * task's action spec is held to them when a runbook is imported or a task is added.
     */
    void check(Map<String, String> params, Problems problems);

    /**
     * Runs {@link #check} and then the checks against the live state; returns the
     * attributes to send. Throws {@link org.remediation.console.base.InvalidInputException} naming
     * each bad parameter and showing its valid range.
     */
    Map<String, String> validate(Map<String, String> params, ResourceState live);

    /**
     * The diff, side effects, gcloud equivalent and rollback plan against the live state; the gcloud
     * line names {@code project} (the gateway's {@link CloudGateway#project()}).
     */
    Preview preview(ResourceState live, Map<String, String> desired, String project);

    /**
     * Starts the change, bound to the preview's fingerprint (the cloud refuses it if the state moved).
     * {@code requestId} is the same on every sending of one action, so APIs that deduplicate
     * requests start it at most once.
     */
    OperationHandle apply(CloudGateway gateway, Preview preview, String requestId);

    /** Differences between the re-read state and the desired state; empty when verified. */
    List<String> verify(ResourceState after, Map<String, String> desired);

    /** The inverse action's parameters from the captured before-state, or why there is none. */
    RollbackPlan rollback(ResourceState before, ResourceState after);
}
