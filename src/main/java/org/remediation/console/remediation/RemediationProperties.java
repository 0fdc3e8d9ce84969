package org.remediation.console.remediation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remediation actions.
 *
 * @param approvalTtl how long an approval stays valid; after it the action needs a new preview and approval
 * @param pollInterval how often running actions' cloud operations are polled (and watch windows checked)
 * @param operationTimeout after this long an operation that has not finished is marked failed with an
 *     unknown outcome (re-read the resource), so nothing stays "running" forever; the resource stays
 *     locked until the provider lists no operation on it
 * @param busyWait how long an action keeps re-sending a change the cloud refuses as busy (another
 *     operation on the resource, e.g. a Cloud SQL backup) or rate limited, with pauses of 5 s doubling
 *     to 60 s, before it fails naming the operation in the way
 */
@ConfigurationProperties("console.remediation")
public record RemediationProperties(@DefaultValue("15m") Duration approvalTtl,
                                    @DefaultValue("1s") Duration pollInterval,
                                    @DefaultValue("30m") Duration operationTimeout,
                                    @DefaultValue("15m") Duration busyWait) {
}
