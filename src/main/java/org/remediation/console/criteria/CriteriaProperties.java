package org.remediation.console.criteria;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Success criteria and escalations.
 *
 * @param reevaluateInterval how often every criterion is re-evaluated and escalation rules checked
 *     even without new probe results (windows move with time)
 * @param webhookUrl where escalations are posted as Slack-compatible JSON ({@code {"text": …}});
 *     empty disables the webhook
 * @param webhookAttempts how many times one notification is tried before it is given up
 * @param webhookInitialBackoff wait before the first retry; doubles after each failure
 * @param webhookMaxBackoff the longest wait between two retries
 * @param webhookTimeout connect and response timeout of one attempt
 */
@ConfigurationProperties("console.criteria")
public record CriteriaProperties(@DefaultValue("15s") Duration reevaluateInterval,
                                 @Nullable URI webhookUrl,
                                 @DefaultValue("5") int webhookAttempts,
                                 @DefaultValue("1s") Duration webhookInitialBackoff,
                                 @DefaultValue("30s") Duration webhookMaxBackoff,
                                 @DefaultValue("5s") Duration webhookTimeout) {
}
