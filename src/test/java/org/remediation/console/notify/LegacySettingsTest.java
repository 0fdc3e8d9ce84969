package org.remediation.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.WebhookReceiver;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** An upgrade keeps notifying: the three pre-0008 webhook settings become routes and one retry policy. */
class LegacySettingsTest {

    final WebhookReceiver receiver = WebhookReceiver.start();

    @AfterEach
    void stop() {
        receiver.close();
    }

    String url(String path) {
        return receiver.url(path).toString();
    }

    static LegacySettings legacy(Map<String, String> properties) {
        return LegacySettings.read(new Binder(new MapConfigurationPropertySource(properties)), properties::get, 0);
    }

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theThreeOldShapesStillNotifyTheSameReceivers() throws Exception {
        Routing routing = Config.routing(Map.of(
                "console.probes.notifications.webhooks.backend", url("/probe-backend"),
                "console.probes.notifications.webhooks.*", url("/probe-rest"),
                "console.criteria.webhook-url", url("/escalations"),
                "console.remediation.watch-webhook-url", url("/watch"),
                "console.notify.routes[0].url", url("/new"), "console.notify.routes[0].sources", "escalation"));
        Notifier notifier = new Notifier(routing, d -> { }, key -> Optional.empty());

        notifier.send(new Notification(Notification.Source.PROBE, AT, null, null, "backend", null, "t", "backend down", Map.of()))
                .get(10, TimeUnit.SECONDS);
        notifier.send(new Notification(Notification.Source.PROBE, AT, null, null, "frontend", null, "t", "frontend down", Map.of()))
                .get(10, TimeUnit.SECONDS);
        notifier.send(new Notification(Notification.Source.ESCALATION, AT, "inc", null, null, "regressed", "t", "escalated",
                Map.of())).get(10, TimeUnit.SECONDS);
        notifier.send(new Notification(Notification.Source.WATCH, AT, null, null, null, null, "t", "regressed",
                Map.of("action", 7, "rolledBack", true))).get(10, TimeUnit.SECONDS);

        assertThat(receiver.bodies("/probe-backend")).as("a group's own URL, as before").containsExactly("{\"text\":\"backend down\"}");
        assertThat(receiver.bodies("/probe-rest")).as("'*' takes the groups without their own URL")
                .containsExactly("{\"text\":\"frontend down\"}");
        assertThat(receiver.bodies("/escalations")).containsExactly("{\"text\":\"escalated\"}");
        assertThat(receiver.bodies("/new")).containsExactly("{\"text\":\"escalated\"}");
        assertThat(receiver.bodies("/watch")).singleElement().asString().contains("\"source\":\"watch\"")
                .contains("\"facts\":{").contains("\"action\":7").contains("\"rolledBack\":true");
    }

    @Test
    void eachOldSettingIsOneWarningThatShowsTheNewWay() {
        Map<String, String> old = Map.of(
                "console.probes.notifications.webhooks.backend", "https://hooks.slack.com/services/T/B/SECRET1",
                "console.probes.notifications.webhooks.[*]", "https://hooks.slack.com/services/T/B/SECRET2",
                "console.remediation.watch-webhook-url", "https://ops.example.com/watch?token=SECRET3");
        LegacySettings legacy = LegacySettings.read(new Binder(new MapConfigurationPropertySource(old)),
                name -> name.equals("CONSOLE_ESCALATION_WEBHOOK_URL") ? "https://hooks.slack.com/services/T/B/SECRET4" : null, 2);
        assertThat(legacy.warnings()).containsExactly(
                "console.probes.notifications.webhooks.backend is deprecated and was translated into a notification route; "
                        + "write it as console.notify.routes[2].url=<the same URL>, console.notify.routes[2].sources=probe, "
                        + "console.notify.routes[2].groups=backend",
                "console.probes.notifications.webhooks.* is deprecated and was translated into a notification route; "
                        + "write it as console.notify.routes[3].url=<the same URL>, console.notify.routes[3].sources=probe, "
                        + "console.notify.routes[3].fallback=true",
                "CONSOLE_ESCALATION_WEBHOOK_URL is deprecated and was translated into a notification route; "
                        + "write it as console.notify.routes[4].url=<the same URL>, console.notify.routes[4].sources=escalation",
                "console.remediation.watch-webhook-url is deprecated and was translated into a notification route; "
                        + "write it as console.notify.routes[5].url=<the same URL>, console.notify.routes[5].format=json, "
                        + "console.notify.routes[5].sources=watch (the body is now the generic JSON document: action, resource, "
                        + "regressions and rolledBack are under \"facts\")");
        assertThat(String.join("\n", legacy.warnings())).doesNotContain("SECRET");
        assertThat(legacy.retry()).isNull();
    }

    @Test
    void blankOldUrlsAreNotRoutes() {
        assertThat(legacy(Map.of("console.criteria.webhook-url", "", "console.remediation.watch-webhook-url", " ")).routes()).isEmpty();
    }

    @Test
    void oldRetrySettingsBecomeTheOnePolicy() {
        LegacySettings escalation = legacy(Map.of("console.criteria.webhook-attempts", "3",
                "console.criteria.webhook-max-backoff", "10s"));
        assertThat(escalation.retry()).isEqualTo(new NotifyProperties.Retry(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(5)));
        assertThat(escalation.warnings()).containsExactly("console.criteria.webhook-attempts, console.criteria.webhook-max-backoff "
                + "deprecated and translated into the one retry policy; write it as console.notify.retry.attempts=3, "
                + "console.notify.retry.initial-backoff=1000ms, console.notify.retry.max-backoff=10000ms, console.notify.retry.timeout=5000ms");

        LegacySettings probe = legacy(Map.of("console.probes.notifications.retries", "2",
                "console.probes.notifications.backoff", "250ms"));
        assertThat(probe.retry()).as("3 tries waiting 250 ms, then 500 ms, as before")
                .isEqualTo(new NotifyProperties.Retry(3, Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(10)));

        Routing routing = Config.routing(Map.of("console.criteria.webhook-attempts", "2"));
        assertThat(routing.policy().attempts()).isEqualTo(2);
    }

    @Test
    void theNewRetrySettingWinsOverOldOnes() {
        Routing routing = Config.routing(Map.of("console.criteria.webhook-attempts", "2", "console.notify.retry.attempts", "7"));
        assertThat(routing.policy().attempts()).isEqualTo(7);
        assertThat(legacy(Map.of("console.criteria.webhook-attempts", "2", "console.notify.retry.attempts", "7")).warnings())
                .singleElement().asString().startsWith("console.criteria.webhook-attempts ignored: console.notify.retry.* is set");
    }

    @Test
    void oldRetrySettingsThatDisagreeRefuseStart() {
        assertThatThrownBy(() -> legacy(Map.of("console.probes.notifications.retries", "1",
                "console.criteria.webhook-attempts", "5"))).isInstanceOf(NotifyConfigException.class)
                .hasMessageStartingWith("console.probes.notifications.retries: the old probe and escalation retry settings "
                        + "(console.probes.notifications.retries, console.criteria.webhook-attempts) disagree")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aBadOldUrlRefusesStartNamingTheOldProperty() {
        assertThatThrownBy(() -> Config.routing(Map.of("console.remediation.watch-webhook-url", "not a url")))
                .isInstanceOf(NotifyConfigException.class).hasMessageStartingWith("console.remediation.watch-webhook-url: ");
    }
}
