package org.remediation.console.notify;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notifications go and how hard delivery tries. Every feature that notifies (probe state
 * changes, escalations, watch-window regressions) goes through these routes and this one retry
 * policy. Checked at start: a bad value refuses start with one line naming the property.
 *
 * @param routes webhook routes; a notification goes to every route that matches it
 * @param retry the one retry policy of every delivery
 */
@ConfigurationProperties("console.notify")
public record NotifyProperties(@DefaultValue List<Route> routes, @DefaultValue Retry retry) {

    /**
     * One webhook and what it receives. An empty matcher list means "any".
     *
     * @param url the http(s) URL the notification is POSTed to (often carries a token: it is never logged
     *     or audited in full)
     * @param format {@code slack} (a Slack-compatible {@code {"text": …}}) or {@code json} (a generic
     *     document with every field of the notification)
     * @param sources only notifications raised by these features: {@code probe}, {@code escalation}, {@code watch}
     * @param groups only probe notifications of targets in these groups
     * @param rules only escalations of these rule kinds: {@code still-not-met}, {@code phase-overran}, {@code regressed}
     * @param severities only notifications about incidents of these severities ({@code P0}..{@code P3})
     * @param fallback when true, the route receives a notification only if no other (non-fallback) route matched it
     */
    public record Route(@Nullable String url, @DefaultValue("slack") String format,
                        @DefaultValue List<String> sources, @DefaultValue List<String> groups,
                        @DefaultValue List<String> rules, @DefaultValue List<String> severities,
                        @DefaultValue("false") boolean fallback) {
    }

    /**
     * @param attempts tries per notification and route, the first included (at least 1)
     * @param initialBackoff wait before the second try; doubles after each failed try
     * @param maxBackoff the longest wait between two tries
     * @param timeout connect and response timeout of one try
     */
    public record Retry(@DefaultValue("5") int attempts, @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("30s") Duration maxBackoff, @DefaultValue("10s") Duration timeout) {

        WebhookPoster.Policy policy() {
            return new WebhookPoster.Policy(attempts, initialBackoff, maxBackoff, timeout);
        }
    }
}
