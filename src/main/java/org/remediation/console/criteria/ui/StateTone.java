package org.remediation.console.criteria.ui;

import java.time.Instant;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.criteria.CriterionState;

/** How criterion states look: badge tone and the "since" label. */
final class StateTone {

    private StateTone() {
    }

    static StatusBadge.Tone of(CriterionState state) {
        return switch (state) {
            case MET -> StatusBadge.Tone.OK;
            case NOT_MET -> StatusBadge.Tone.BAD;
            case NO_DATA -> StatusBadge.Tone.NEUTRAL;
        };
    }

    static String since(Instant since) {
        return "since " + HumanTime.hourMinute(since) + " UTC";
    }
}
