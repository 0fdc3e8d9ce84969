package org.remediation.console.criteria;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One stored criterion; only this feature's services see it. */
record CriterionRow(long id, CriterionOwner owner, String label, String definition, boolean manual, int position,
                    CriterionState state, Instant since, String valueText, long samples, String detail,
                    @Nullable Instant evaluatedAt, @Nullable Instant firstMetAt, @Nullable String evidenceNote,
                    @Nullable String confirmedBy, @Nullable Instant confirmedAt) {

    CriterionRow withState(Evaluation e, Instant since, @Nullable Instant firstMetAt) {
        return new CriterionRow(id, owner, label, definition, manual, position, e.state(), since, e.valueText(),
                e.samples(), e.detail(), e.at(), firstMetAt, evidenceNote, confirmedBy, confirmedAt);
    }
}
