package org.remediation.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.remediation.ActionPreview;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStep;
import org.remediation.console.remediation.DiffRow;
import org.remediation.console.remediation.Preview;
import org.remediation.console.remediation.SideEffect;

/** The JSON shapes of actions: what the preview dialog and the action's page show, as records. */
final class ActionJson {

    private ActionJson() {
    }

    /** The preview dialog's content: the diff against the live state, side effects, gcloud line, rollback. */
    record PreviewJson(String kind, String resource, List<DiffRow> diff, List<String> sideEffects, List<String> notes,
                       String gcloud, boolean rollbackPossible, String rollback, String fingerprint, Instant readAt) {
        static PreviewJson of(Preview p) {
            return new PreviewJson(p.kind().spec(), p.resource().toString(), p.diff(),
                    p.sideEffects().stream().map(SideEffect::label).toList(), p.sideEffectNotes(), p.gcloud(),
                    p.rollback().possibleInPlace(), p.rollback().explanation(), p.fingerprint(), p.readAt());
        }
    }

    /** A preview without a request (nothing stored): what {@code POST /api/v1/actions/preview} answers. */
    record DryRun(PreviewJson preview, boolean approvalRequired, List<String> approvalReasons,
                  @Nullable String incidentKey, @Nullable String severity, String severityBasis) {
        static DryRun of(ActionPreview p) {
            return new DryRun(PreviewJson.of(p.preview()), p.approvalRequired(), p.approvalReasons(), p.incidentKey(),
                    p.severity(), p.severityBasis());
        }
    }

    /** One action as stored, with its trail (when asked for) and where to poll it. */
    record Action(long id, String status, boolean finished, String kind, String resource, Map<String, String> params,
                  String reason, @Nullable String taskId, @Nullable String incidentKey, @Nullable String incidentSeverity,
                  String requestedBy, Instant requestedAt, boolean approvalRequired, String approvalReasons,
                  @Nullable String approvedBy, @Nullable Instant approvedAt, @Nullable Instant approvalExpiresAt,
                  @Nullable String decidedNote, PreviewJson preview, Map<String, String> beforeState,
                  @Nullable Map<String, String> afterState, @Nullable String operationId, @Nullable Instant startedAt,
                  int progress, @Nullable String resultMessage, @Nullable Instant finishedAt, @Nullable Long rollbackOf,
                  int watchMinutes, List<String> watchSignals, boolean autoRollback, @Nullable Instant watchUntil,
                  @Nullable List<ActionStep> trail, String href) {

        static Action of(ActionRecord a, @Nullable List<ActionStep> trail) {
            return new Action(a.id(), a.status().name(), !a.status().open() && !a.status().inFlight(), a.kind().spec(),
                    a.resource().toString(), a.params(), a.reason(), a.taskId(), a.incidentKey(), a.incidentSeverity(),
                    a.requestedBy(), a.requestedAt(), a.approvalRequired(), a.approvalReasons(), a.approvedBy(),
                    a.approvedAt(), a.approvalExpiresAt(), a.decidedNote(), PreviewJson.of(a.preview()), a.beforeState(),
                    a.afterState(), a.operationId(), a.startedAt(), a.progress(), a.resultMessage(), a.finishedAt(),
                    a.rollbackOf(), a.watchMinutes(), a.watchSignals(), a.autoRollback(), a.watchUntil(), trail,
                    ActionsController.PATH + "/" + a.id());
        }
    }

    /** The body of approve (none needed), rollback and reject calls. */
    record Reason(@Nullable String reason) {
    }
}
