package org.remediation.console.remediation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.remediation.console.cloud.ResourceRef;

/**
 * What an action would do, computed from the live state: the field-by-field diff, side effects with
 * their explanations, the equivalent gcloud command, how it would be rolled back, and the fingerprint
 * of the live state it was computed from (approvals are bound to it).
 */
public record Preview(ActionKind kind, ResourceRef resource, List<DiffRow> diff, List<SideEffect> sideEffects,
                      List<String> sideEffectNotes, String gcloud, RollbackPlan rollback, String fingerprint,
                      Map<String, String> desired, Instant readAt) {

    public Preview {
        diff = List.copyOf(diff);
        sideEffects = List.copyOf(sideEffects);
        sideEffectNotes = List.copyOf(sideEffectNotes);
        desired = Map.copyOf(desired);
    }

    public List<DiffRow> changes() {
        return diff.stream().filter(DiffRow::changed).toList();
    }
}
