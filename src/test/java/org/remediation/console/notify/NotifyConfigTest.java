package org.remediation.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

/** A configuration that cannot work refuses start with one line that names the property. */
class NotifyConfigTest {

    @EnableConfigurationProperties(NotifyProperties.class)
    @Import(Routing.class)
    static class RoutingOnly {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(RoutingOnly.class);

    static void refused(Map<String, String> properties, String expected) {
        assertThatThrownBy(() -> Config.routing(properties)).isInstanceOf(NotifyConfigException.class)
                .hasMessage(expected).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBadUrlIsRefused() {
        refused(Map.of("console.notify.routes[0].url", "ftp://files.example.com/hook"),
                "console.notify.routes[0].url: 'ftp://files.example.com/… #" + Redaction.fingerprint("ftp://files.example.com/hook")
                        + "' is not an http(s) URL with a host");
        refused(Map.of("console.notify.routes[0].url", "hooks.slack.com/services/T/B/secret"),
                "console.notify.routes[0].url: '(unreadable URL) #" + Redaction.fingerprint("hooks.slack.com/services/T/B/secret")
                        + "' is not an http(s) URL with a host");
        refused(Map.of("console.notify.routes[0].format", "json"), "console.notify.routes[0].url: a webhook URL is required");
    }

    @Test
    void anUnknownFormatSourceRuleOrSeverityIsRefused() {
        String url = "https://hooks.example.com/x";
        refused(Map.of("console.notify.routes[0].url", url, "console.notify.routes[0].format", "teams"),
                "console.notify.routes[0].format: unknown format 'teams'; use slack or json");
        refused(Map.of("console.notify.routes[0].url", url, "console.notify.routes[0].sources", "probe,audit"),
                "console.notify.routes[0].sources: unknown source 'audit'; use probe, escalation or watch");
        refused(Map.of("console.notify.routes[0].url", url, "console.notify.routes[0].rules", "overran"),
                "console.notify.routes[0].rules: unknown rule kind 'overran'; use still-not-met, phase-overran or regressed");
        refused(Map.of("console.notify.routes[0].url", url, "console.notify.routes[0].severities", "high"),
                "console.notify.routes[0].severities: unknown severity 'high'; use P0, P1, P2 or P3");
        refused(Map.of("console.notify.retry.attempts", "0"), "console.notify.retry.attempts: must be at least 1 (was 0)");
        refused(Map.of("console.notify.retry.initial-backoff", "10s", "console.notify.retry.max-backoff", "1s"),
                "console.notify.retry.max-backoff: must not be shorter than initial-backoff (PT1S < PT10S)");
    }

    @Test
    void theContextRefusesToStartAndTheFailureIsOneLine() {
        context.withPropertyValues("console.notify.routes[0].url=https://hooks.example.com/x",
                "console.notify.routes[0].format=teams").run(started -> {
            assertThat(started).hasFailed();
            Throwable failure = started.getStartupFailure();
            FailureAnalysis analysis = new org.remediation.console.base.SettingFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo("console.notify.routes[0].format: unknown format 'teams'; use slack or json");
        });
    }

    @Test
    void aGoodConfigurationStarts() {
        context.withPropertyValues("console.notify.routes[0].url=https://hooks.example.com/x",
                "console.notify.routes[0].sources=probe", "console.notify.routes[0].severities=P0").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(Routing.class).routes()).singleElement()
                    .satisfies(r -> assertThat(r.format()).isEqualTo(Format.SLACK));
            assertThat(started.getBean(Routing.class).policy()).isEqualTo(new NotifyProperties.Retry(5,
                    java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(10)).policy());
        });
    }

    @Test
    void theOldStarWebhookAsWrittenInAPropertiesFileIsMigratedAtStart() {
        context.withPropertyValues("console.probes.notifications.webhooks.*=https://hooks.example.com/all").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(Routing.class).routes()).singleElement().satisfies(r -> {
                assertThat(r.origin()).isEqualTo("console.probes.notifications.webhooks.*");
                assertThat(r.fallback()).isTrue();
                assertThat(r.sources()).containsExactly(Notification.Source.PROBE);
            });
        });
    }
}
