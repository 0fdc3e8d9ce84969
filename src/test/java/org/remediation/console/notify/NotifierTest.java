package org.remediation.console.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.Waits;
import org.remediation.console.support.WebhookReceiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routing, formats, the retry policy and background delivery, over the wire to loopback receivers. */
class NotifierTest {

    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    final WebhookReceiver receiver = WebhookReceiver.start();
    final List<Duration> slept = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
    }

    Notifier notifier(Map<String, String> properties) {
        return notifier(properties, key -> Optional.of("P1"));
    }

    Notifier notifier(Map<String, String> properties, SeverityLookup severities) {
        Map<String, String> all = new HashMap<>(Map.of("console.notify.retry.initial-backoff", "100ms",
                "console.notify.retry.max-backoff", "300ms", "console.notify.retry.timeout", "5s"));
        all.putAll(properties);
        return new Notifier(Config.routing(all), slept::add, severities);
    }

    String url(String path) {
        return receiver.url(path).toString();
    }

    static Notification probe(String group) {
        return new Notification(Notification.Source.PROBE, AT, null, null, group, null, "Backend health is DOWN",
                ":red_circle: Backend health (backend-health, group " + group + ") is DOWN", Map.of("target", "backend-health"));
    }

    static Notification escalation(String rule, @Nullable String severity) {
        return new Notification(Notification.Source.ESCALATION, AT, "inc-1278", severity, null, rule, "Escalation on inc-1278",
                ":rotating_light: Escalation on incident inc-1278", Map.of("ruleText", "phase overran its window"));
    }

    static Notification watch(String severity) {
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("action", 42L);
        facts.put("regressions", List.of("backend-health OK → FAILING"));
        facts.put("rolledBack", true);
        return new Notification(Notification.Source.WATCH, AT, null, severity, null, null, "Watch regressed",
                "Watched signals regressed after #42", facts);
    }

    static List<String> routes(List<Notifier.Sent> sent) {
        return sent.stream().filter(s -> s.delivery().delivered()).map(Notifier.Sent::route).toList();
    }

    List<Notifier.Sent> sendAndWait(Notifier notifier, Notification n) throws Exception {
        return notifier.send(n).get(10, TimeUnit.SECONDS);
    }

    @Test
    void routesByGroup() throws Exception {
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/backend"),
                "console.notify.routes[0].groups", "backend,db", "console.notify.routes[1].url", url("/frontend"),
                "console.notify.routes[1].groups", "frontend"));
        assertThat(routes(sendAndWait(notifier, probe("backend")))).containsExactly("console.notify.routes[0]");
        assertThat(routes(sendAndWait(notifier, probe("cache")))).isEmpty();
        assertThat(receiver.bodies("/backend")).hasSize(1);
        assertThat(receiver.bodies("/frontend")).isEmpty();
        assertThat(routes(sendAndWait(notifier, escalation("regressed", null)))).as("a group matcher never matches what has no group")
                .isEmpty();
    }

    @Test
    void routesByRuleKind() throws Exception {
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/overran"),
                "console.notify.routes[0].rules", "phase-overran", "console.notify.routes[1].url", url("/any")));
        assertThat(routes(sendAndWait(notifier, escalation("phase-overran", "P2"))))
                .containsExactlyInAnyOrder("console.notify.routes[0]", "console.notify.routes[1]");
        assertThat(routes(sendAndWait(notifier, escalation("still-not-met", "P2")))).containsExactly("console.notify.routes[1]");
    }

    @Test
    void routesBySeverityLookingItUpWhenTheSourceDoesNotKnowIt() throws Exception {
        Map<String, String> config = Map.of("console.notify.routes[0].url", url("/page"), "console.notify.routes[0].severities", "p0,P1");
        assertThat(routes(sendAndWait(notifier(config, key -> Optional.of("P1")), escalation("regressed", null))))
                .containsExactly("console.notify.routes[0]");
        assertThat(routes(sendAndWait(notifier(config, key -> Optional.of("P3")), escalation("regressed", null)))).isEmpty();
        assertThat(routes(sendAndWait(notifier(config), watch("P0")))).containsExactly("console.notify.routes[0]");
        assertThat(routes(sendAndWait(notifier(config), probe("backend")))).as("no incident, no severity").isEmpty();
    }

    @Test
    void routesBySourceAndFallsBackOnlyWhenNothingElseMatched() throws Exception {
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/escalations"),
                "console.notify.routes[0].sources", "escalation", "console.notify.routes[1].url", url("/watch"),
                "console.notify.routes[1].sources", "watch", "console.notify.routes[2].url", url("/rest"),
                "console.notify.routes[2].fallback", "true"));
        assertThat(routes(sendAndWait(notifier, escalation("regressed", null)))).containsExactly("console.notify.routes[0]");
        assertThat(routes(sendAndWait(notifier, watch("P2")))).containsExactly("console.notify.routes[1]");
        assertThat(routes(sendAndWait(notifier, probe("backend")))).containsExactly("console.notify.routes[2]");
    }

    @Test
    void slackFormatSendsOnlyTheText() throws Exception {
        sendAndWait(notifier(Map.of("console.notify.routes[0].url", url("/slack"))), probe("backend"));
        JsonNode body = JsonMapper.builder().build().readTree(receiver.bodies("/slack").getFirst());
        assertThat(body.propertyNames()).containsExactly("text");
        assertThat(body.get("text").asString()).isEqualTo(":red_circle: Backend health (backend-health, group backend) is DOWN");
    }

    @Test
    void jsonFormatSendsEveryField() throws Exception {
        sendAndWait(notifier(Map.of("console.notify.routes[0].url", url("/json"), "console.notify.routes[0].format", "JSON")),
                escalation("phase-overran", null));
        JsonNode body = JsonMapper.builder().build().readTree(receiver.bodies("/json").getFirst());
        assertThat(body.propertyNames()).containsExactly("source", "at", "incidentKey", "severity", "group", "rule", "title",
                "text", "facts");
        assertThat(body.get("source").asString()).isEqualTo("escalation");
        assertThat(body.get("at").asString()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(body.get("incidentKey").asString()).isEqualTo("inc-1278");
        assertThat(body.get("severity").asString()).as("looked up").isEqualTo("P1");
        assertThat(body.get("group").isNull()).isTrue();
        assertThat(body.get("rule").asString()).isEqualTo("phase-overran");
        assertThat(body.get("title").asString()).isEqualTo("Escalation on inc-1278");
        assertThat(body.get("facts").get("ruleText").asString()).isEqualTo("phase overran its window");
    }

    @Test
    void retriesWithTheOnePolicyUntilDelivered() throws Exception {
        receiver.failNext(3);
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/hook"), "console.notify.retry.attempts", "5"));
        Notifier.Sent sent = sendAndWait(notifier, probe("backend")).getFirst();
        assertThat(sent.delivery().delivered()).isTrue();
        assertThat(sent.delivery().attempts()).isEqualTo(4);
        assertThat(receiver.attempts()).isEqualTo(4);
        assertThat(receiver.bodies()).hasSize(1);
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300));
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() throws Exception {
        receiver.alwaysFail();
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/hook"), "console.notify.retry.attempts", "3"));
        Notifier.Sent sent = sendAndWait(notifier, watch("P1")).getFirst();
        assertThat(sent.delivery().delivered()).isFalse();
        assertThat(sent.delivery().attempts()).isEqualTo(3);
        assertThat(sent.delivery().lastStatus()).isEqualTo(503);
        assertThat(receiver.attempts()).isEqualTo(3);
        assertThat(slept).hasSize(2);
    }

    @Test
    void anUnreachableReceiverCountsAsAFailedAttempt() throws Exception {
        receiver.close();
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/hook"), "console.notify.retry.attempts", "2"));
        Notifier.Sent sent = sendAndWait(notifier, probe("backend")).getFirst();
        assertThat(sent.delivery().delivered()).isFalse();
        assertThat(sent.delivery().lastStatus()).isZero();
        assertThat(sent.delivery().attempts()).isEqualTo(2);
    }

    @Test
    void deliveryNeverBlocksTheCaller() throws Exception {
        CountDownLatch lookupRelease = new CountDownLatch(1);
        CountDownLatch answersRelease = new CountDownLatch(1);
        receiver.holdAnswers(answersRelease);
        Notifier notifier = notifier(Map.of("console.notify.routes[0].url", url("/slow"),
                "console.notify.routes[1].url", url("/slow2"),
                "console.notify.retry.timeout", "60s"), // a held answer must not time out and be retried meanwhile
                key -> {
                    Waits.hold(lookupRelease); // a slow severity lookup is not the caller's problem either
                    return Optional.of("P0");
                });
        CompletableFuture<List<Notifier.Sent>> pending;
        try {
            pending = Waits.get(CompletableFuture.supplyAsync(() -> notifier.send(escalation("regressed", null))),
                    "send() returned while the severity lookup was still held");
            assertThat(pending).as("delivery is still under way").isNotDone();
            lookupRelease.countDown();
            await("both routes' posts held at the receiver at once (posted side by side, not one after the other)")
                    .atMost(Waits.PATIENCE).until(() -> receiver.inFlight() == 2);
        } finally {
            lookupRelease.countDown();
            answersRelease.countDown();
        }
        assertThat(routes(Waits.get(pending, "delivery after the receiver answered"))).hasSize(2);
    }

    @Test
    void withoutRoutesNothingIsSent() throws Exception {
        assertThat(sendAndWait(notifier(Map.of()), probe("backend"))).isEmpty();
        assertThat(receiver.attempts()).isZero();
    }
}
