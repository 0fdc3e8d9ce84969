package org.remediation.console.criteria;

import org.remediation.console.base.LiveUpdate;
import java.time.Instant;
import java.util.Set;

/** Published after an evaluation round so tiles and badges refresh their live values. */
public record CriteriaEvaluated(Set<String> incidentKeys, Instant at) implements LiveUpdate {
}
