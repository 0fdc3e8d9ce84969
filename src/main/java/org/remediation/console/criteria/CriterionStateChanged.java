package org.remediation.console.criteria;

import java.time.Instant;

/** Published on {@link org.remediation.console.base.LiveEvents} whenever a criterion changes state. */
public record CriterionStateChanged(CriterionOwner owner, String label, CriterionState from, CriterionState to,
                                    Instant since, String valueText, String detail) {
}
