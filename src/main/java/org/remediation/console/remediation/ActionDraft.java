package org.remediation.console.remediation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceRef;

/**
 * What a requester fills in.
 *
 * @param taskId the incident task this action carries out, if any (linked by id only)
 * @param incidentKey the incident the request names explicitly, if any (a task's incident wins)
 * @param incidentSeverity a severity the requester asks for when linked to nothing: it can raise the
 *     rule, never lower it (unlinked actions take the most severe open incident's severity)
 * @param watchMinutes watch the chosen signals for this many minutes after success (0 = no watch)
 * @param watchSignals signal keys (see {@link WatchSignals#available()})
 * @param autoRollback roll back automatically when a watched signal regresses
 */
public record ActionDraft(ActionKind kind, ResourceRef resource, Map<String, String> params, String reason,
                          @Nullable String taskId, @Nullable String incidentKey, @Nullable String incidentSeverity, int watchMinutes,
                          List<String> watchSignals, boolean autoRollback) {

    public ActionDraft {
        params = Map.copyOf(params);
        watchSignals = List.copyOf(watchSignals);
    }

    public static ActionDraft of(ActionKind kind, ResourceRef resource, Map<String, String> params, String reason) {
        return new ActionDraft(kind, resource, params, reason, null, null, null, 0, List.of(), false);
    }

    public ActionDraft withIncident(@Nullable String task, @Nullable String severity) {
        return new ActionDraft(kind, resource, params, reason, task, incidentKey, severity, watchMinutes, watchSignals, autoRollback);
    }

    /** Names the incident the action is for (its severity then applies, even a lower one than another open incident's). */
    public ActionDraft forIncident(@Nullable String key) {
        return new ActionDraft(kind, resource, params, reason, taskId, key, incidentSeverity, watchMinutes, watchSignals, autoRollback);
    }

    public ActionDraft withWatch(int minutes, List<String> signals, boolean rollback) {
        return new ActionDraft(kind, resource, params, reason, taskId, incidentKey, incidentSeverity, minutes, signals, rollback);
    }
}
