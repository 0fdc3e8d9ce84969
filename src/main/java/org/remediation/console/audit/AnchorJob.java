package org.remediation.console.audit;

import java.time.Clock;
import java.util.Optional;
import org.remediation.console.base.cluster.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Anchors the chain's head outside the database: one INFO line {@code audit anchor seq=… hash=…}, the
 * anchor file that {@code verify()} checks, and an {@link AuditAnchored} event (the webhook). At start,
 * every {@code console.audit.anchor-interval} and at shutdown. Whoever rewrites the table after that
 * must also rewrite the log, the webhook's receiver and the file. With several consoles only the leader
 * anchors (one line, one webhook call per anchor); the file is the leader's.
 */
@Component
class AnchorJob {

    private static final Logger log = LoggerFactory.getLogger(AnchorJob.class);

    private final AuditStore store;
    private final AuditAnchors anchors;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Cluster cluster;

    AnchorJob(AuditStore store, AuditAnchors anchors, ApplicationEventPublisher events, Clock clock, Cluster cluster) {
        this.cluster = cluster;
        this.store = store;
        this.anchors = anchors;
        this.events = events;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        quietly("start");
    }

    @Scheduled(fixedDelayString = "${console.audit.anchor-interval:5m}", initialDelayString = "${console.audit.anchor-interval:5m}")
    void scheduled() {
        cluster.onlyLeader(() -> anchor("scheduled"));
    }

    @EventListener(ContextClosedEvent.class)
    void atShutdown() {
        quietly("shutdown");
    }

    private void quietly(String reason) {
        if (!cluster.isLeader()) {
            return;
        }
        try {
            anchor(reason);
        } catch (RuntimeException e) {
            log.error("Could not anchor the audit chain ({}): {}", reason, e.getMessage());
        }
    }

    /**
     * Anchors the current head, unless the previous anchor no longer holds: then a new anchor would
     * bless a rewritten history, so the old one stays and an ERROR line says why.
     */
    synchronized Optional<AuditAnchors.Anchor> anchor(String reason) {
        Optional<AuditEvent> head = store.last();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<AuditAnchors.Anchor> previous = anchors.latest();
        if (previous.isPresent()) {
            AuditAnchors.Anchor p = previous.get();
            Optional<String> stored = store.hashAt(p.seq());
            if (stored.isEmpty() || !stored.get().equals(p.hash())) {
                log.error("audit anchor NOT moved: event #{} anchored at {} with hash={} is {} (the audit trail was rewritten"
                        + " or cut; Audit > Verify names the event; anchor file {})", p.seq(), p.at(), p.hash(),
                        stored.isEmpty() ? "missing" : "now hash=" + stored.get(), anchors.file());
                return Optional.empty();
            }
            if (p.seq() == head.get().seq()) {
                return previous;
            }
        }
        AuditEvent h = head.get();
        AuditAnchors.Anchor a = new AuditAnchors.Anchor(h.seq(), h.hash(), h.keyId(), clock.instant());
        anchors.write(a);
        log.info("audit anchor seq={} hash={} keyId={} ({})", a.seq(), a.hash(), a.keyId(), reason);
        events.publishEvent(new AuditAnchored(a.seq(), a.hash(), a.keyId(), a.at(), reason));
        return Optional.of(a);
    }
}
