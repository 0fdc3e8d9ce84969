package org.remediation.console.criteria;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Success criteria and escalations.
 *
 * @param reevaluateInterval how often every criterion is re-evaluated and escalation rules checked
 *     even without new probe results (windows move with time); escalations are notified through
 *     {@code console.notify.routes} (source {@code escalation})
 */
@ConfigurationProperties("console.criteria")
public record CriteriaProperties(@DefaultValue("15s") Duration reevaluateInterval) {
}
