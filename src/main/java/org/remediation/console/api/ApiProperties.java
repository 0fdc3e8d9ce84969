package org.remediation.console.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The REST API.
 *
 * @param maxBody the largest request body accepted (a runbook is at most 200,000 characters); a larger one
 *     is refused with 413 before anything reads it
 */
@ConfigurationProperties("console.api")
public record ApiProperties(@DefaultValue("1MB") DataSize maxBody) {
}
