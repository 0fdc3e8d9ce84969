package org.remediation.console.incident;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Incident board settings.
 *
 * @param statusUpdateCadence how long after the last drafted status update (or the incident start)
 *     the board reminds the commander to post the next one; default one hour
 */
@ConfigurationProperties("console.incident")
public record IncidentProperties(@DefaultValue("1h") Duration statusUpdateCadence) {
}
