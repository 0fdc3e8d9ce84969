package org.remediation.console.criteria;

import org.remediation.console.base.LiveUpdate;
import java.time.Instant;

/** Domain event and live update whenever a criterion changes state. */
public record CriterionStateChanged(CriterionOwner owner, String label, CriterionState from, CriterionState to,
                                    Instant since, String valueText, String detail) implements LiveUpdate {
}
