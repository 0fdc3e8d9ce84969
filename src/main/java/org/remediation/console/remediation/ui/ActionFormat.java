package org.remediation.console.remediation.ui;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.remediation.ActionStatus;

/** Shared formatting for the remediation views. */
final class ActionFormat {

    private ActionFormat() {
    }

    static String time(@Nullable Instant at) {
        return at == null ? "—" : HumanTime.timestamp(at);
    }

    /** The action's status as people say it: a READY action that a second person approved reads "approved". */
    static StatusBadge badge(org.remediation.console.remediation.ActionRecord a) {
        if (a.status() == ActionStatus.READY && a.approvedBy() != null) {
            return new StatusBadge("approved", StatusBadge.Tone.OK);
        }
        return badge(a.status());
    }

    static StatusBadge badge(ActionStatus status) {
        StatusBadge.Tone tone = switch (status) {
            case SUCCEEDED -> StatusBadge.Tone.OK;
            case FAILED, REJECTED -> StatusBadge.Tone.BAD;
            case RUNNING, READY -> StatusBadge.Tone.INFO;
            case AWAITING_APPROVAL, EXPIRED, STALE -> StatusBadge.Tone.WARN;
            case ROLLED_BACK, WITHDRAWN -> StatusBadge.Tone.NEUTRAL;
        };
        return new StatusBadge(status.name().replace('_', ' ').toLowerCase(), tone);
    }
}
