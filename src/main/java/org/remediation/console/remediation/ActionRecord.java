package org.remediation.console.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceRef;

/** One action as stored: request, preview, approval, execution and outcome. */
public record ActionRecord(long id, ActionKind kind, ResourceRef resource, Map<String, String> params,
                           Map<String, String> desired, String reason, @Nullable String taskId, @Nullable String incidentKey,
                           @Nullable String incidentSeverity, ActionStatus status, String requestedBy,
                           Instant requestedAt, boolean approvalRequired, String approvalReasons, Preview preview,
                           Map<String, String> beforeState, @Nullable Map<String, String> afterState,
                           @Nullable String approvedBy, @Nullable Instant approvedAt, @Nullable Instant approvalExpiresAt,
                           @Nullable String decidedNote, @Nullable String operationId, @Nullable Instant startedAt,
                           int progress, @Nullable String resultMessage, @Nullable Instant finishedAt,
                           @Nullable Long rollbackOf, int watchMinutes, List<String> watchSignals, boolean autoRollback,
                           @Nullable Instant watchUntil) {

    public String title() {
        return "#" + id + " " + kind.spec() + " on " + resource.name();
    }
}
