package org.remediation.console.notify;

import org.remediation.console.base.egress.EgressPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one way the console notifies the outside world. {@link #send} returns at once: on a virtual
 * thread it resolves the incident severity if missing, picks every matching route
 * ({@code console.notify.routes}), writes the route's format and posts it with the one retry policy
 * ({@code console.notify.retry}), each route on its own virtual thread. Failures are logged, never thrown.
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** How delivery to one route went ({@code route} names the property that configured it). */
    public record Sent(String route, WebhookPoster.Delivery delivery) {
    }

    private final Routing routing;
    private final WebhookPoster poster;
    private final SeverityLookup severities;

    @Autowired
    Notifier(Routing routing, ObjectProvider<SeverityLookup> severities, EgressPolicy egress) {
        this(routing, Thread::sleep, key -> severities.getIfAvailable(() -> k -> Optional.empty()).severity(key), egress);
    }

    /** A notifier over these settings, without severity look-up (for tests and tools outside Spring). */
    public static Notifier of(NotifyProperties properties) {
        return new Notifier(new Routing(properties, LegacySettings.none()), Thread::sleep, key -> Optional.empty(),
                EgressPolicy.DEFAULT);
    }

    Notifier(Routing routing, WebhookPoster.Sleeper sleeper, SeverityLookup severities) {
        this(routing, sleeper, severities, EgressPolicy.DEFAULT);
    }

    Notifier(Routing routing, WebhookPoster.Sleeper sleeper, SeverityLookup severities, EgressPolicy egress) {
        this.routing = routing;
        this.poster = new WebhookPoster(routing.policy().timeout(), sleeper, egress);
        this.severities = severities;
    }

    /** Routes and delivers in the background; completes with one outcome per matching route (none: empty). */
    public CompletableFuture<List<Sent>> send(Notification notification) {
        if (routing.routes().isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        CompletableFuture<List<Sent>> done = new CompletableFuture<>();
        Thread.ofVirtual().name("notify-" + notification.source().key()).start(() -> {
            try {
                done.complete(deliver(notification));
            } catch (RuntimeException e) {
                log.warn("Could not deliver the {} notification '{}'", notification.source().key(), notification.title(), e);
                done.complete(List.of());
            }
        });
        return done;
    }

    private List<Sent> deliver(Notification notification) {
        Notification n = notification;
        if (n.severity() == null && n.incidentKey() != null) {
            String key = n.incidentKey();
            try {
                n = n.withSeverity(severities.severity(key).orElse(null));
            } catch (RuntimeException e) {
                log.warn("Could not look up the severity of incident {}; routes that need one are skipped", key, e);
            }
        }
        Notification resolved = n;
        List<CompletableFuture<Sent>> posts = routing.matching(resolved).stream().map(route -> {
            CompletableFuture<Sent> one = new CompletableFuture<>();
            Thread.ofVirtual().name("notify-" + resolved.source().key() + "-" + route.origin())
                    .start(() -> one.complete(post(route, resolved)));
            return one;
        }).toList();
        return posts.stream().map(CompletableFuture::join).toList();
    }

    private Sent post(Route route, Notification n) {
        WebhookPoster.Delivery d;
        try {
            d = poster.post(route.url(), route.format().body(n), routing.policy());
        } catch (RuntimeException e) {
            log.warn("Notification route {} failed", route.origin(), e);
            d = new WebhookPoster.Delivery(false, 0, 0, List.<Duration>of());
        }
        if (!d.delivered()) {
            log.warn("Notification route {} ({}) gave up on '{}' after {} attempts (last HTTP status {})", route.origin(),
                    Redaction.url(route.url().toString()), n.title(), d.attempts(), d.lastStatus());
        }
        return new Sent(route.origin(), d);
    }
}
