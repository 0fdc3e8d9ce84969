package org.remediation.console.base.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.LiveUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Carries live updates and {@link ClusterEvent}s to the other consoles: after the publishing transaction
 * commits, each is sent on {@code console_live} as JSON with its type and origin; a receiving node hands a
 * live update to its open boards ({@link LiveEvents}) after a {@link RemoteUpdate} for its caches, and
 * publishes a cluster event again as a Spring event. Only types of this application that are live updates
 * or cluster events are read back. {@link NodeLocal} updates are never sent. The delay from publishing
 * to a remote board's queue is the timer {@code console.cluster.live.delay}.
 */
@Component
class LiveBridge implements ApplicationListener<PayloadApplicationEvent<?>> {

    static final String CHANNEL = "console_live";
    private static final String PACKAGE = "org.remediation.console.";
    private static final Logger log = LoggerFactory.getLogger(LiveBridge.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ThreadLocal<Boolean> RECEIVING = ThreadLocal.withInitial(() -> false);

    private final Cluster cluster;
    private final ClusterBus bus;
    private final LiveEvents live;
    private final ApplicationEventPublisher events;
    private final Timer delay;
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>(100_000);

    LiveBridge(Cluster cluster, ClusterBus bus, LiveEvents live, ApplicationEventPublisher events, MeterRegistry registry) {
        this.cluster = cluster;
        this.bus = bus;
        this.live = live;
        this.events = events;
        this.delay = Timer.builder("console.cluster.live.delay").description("From a live update's publication on another"
                + " node to its delivery to this node's boards").publishPercentiles(0.5, 0.95, 0.99).register(registry);
        if (cluster.enabled()) {
            bus.subscribe(CHANNEL, this::received);
            Thread.ofVirtual().name("cluster-live-send").start(this::sendLoop);
        }
    }

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<?> event) {
        Object payload = event.getPayload();
        if (!cluster.enabled() || RECEIVING.get() || payload instanceof NodeLocal
                || !(payload instanceof LiveUpdate || payload instanceof ClusterEvent)) {
            return;
        }
        String message = envelope(payload);
        if (message == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(message);
                }
            });
        } else {
            enqueue(message);
        }
    }

    /** The message sent for a payload: origin, type, time and the payload as JSON (null when too large). */
    @Nullable String envelope(Object payload) {
        ObjectNode n = JSON.createObjectNode();
        n.put("o", cluster.nodeId());
        n.put("t", payload.getClass().getName());
        n.put("at", System.currentTimeMillis());
        n.set("b", JSON.valueToTree(payload));
        String text = JSON.writeValueAsString(n);
        if (text.getBytes(StandardCharsets.UTF_8).length > ClusterBus.MAX_PAYLOAD) {
            log.info("{} is too large to send to the other consoles ({} bytes); their boards show it on their next refresh",
                    payload.getClass().getSimpleName(), text.length());
            return null;
        }
        return text;
    }

    private void enqueue(String message) {
        if (!outbox.offer(message)) {
            log.warn("Live updates for the other consoles are piling up (database slow?); one was dropped");
        }
    }

    private void sendLoop() {
        while (true) {
            String message;
            try {
                message = outbox.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                bus.send(CHANNEL, message);
            } catch (RuntimeException e) {
                log.warn("Could not send a live update to the other consoles: {}", e.toString());
            }
        }
    }

    void received(String message) {
        JsonNode n = JSON.readTree(message);
        if (cluster.nodeId().equals(n.path("o").asString())) {
            return;
        }
        Object payload = read(n.path("t").asString(), n.get("b"));
        if (payload == null) {
            return;
        }
        delay.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - n.path("at").asLong())));
        RECEIVING.set(true);
        try {
            if (payload instanceof ClusterEvent) {
                events.publishEvent(payload); // its listeners here, and the boards if it is also a live update
            } else {
                LiveUpdate update = (LiveUpdate) payload;
                events.publishEvent(new RemoteUpdate(update));
                live.onLiveUpdate(update);
            }
        } finally {
            RECEIVING.set(false);
        }
    }

    private static @Nullable Object read(String type, @Nullable JsonNode body) {
        if (body == null || !type.startsWith(PACKAGE)) {
            log.warn("Ignored a cluster message of unknown type {}", type);
            return null;
        }
        try {
            Class<?> c = Class.forName(type, false, LiveBridge.class.getClassLoader());
            if (!LiveUpdate.class.isAssignableFrom(c) && !ClusterEvent.class.isAssignableFrom(c)) {
                log.warn("Ignored a cluster message of type {}: neither a live update nor a cluster event", type);
                return null;
            }
            return JSON.treeToValue(body, c);
        } catch (ClassNotFoundException | RuntimeException e) {
            log.warn("Could not read a cluster message of type {} (a node of another version?): {}", type, e.toString());
            return null;
        }
    }
}
