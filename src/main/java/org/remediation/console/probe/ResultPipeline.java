package org.remediation.console.probe;

import org.remediation.console.base.identity.SystemActor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.TimelineNote;
import org.remediation.console.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.stereotype.Component;

/**
 * Where every result goes: in-memory statistics and state, the batched writer, metrics, live
 * views; and on a state change the history table, a timeline note, listeners and the notifier.
 */
@Component
class ResultPipeline {

    private static final Logger log = LoggerFactory.getLogger(ResultPipeline.class);

    private final ProbeStatistics statistics;
    private final ResultWriter writer;
    private final ProbeMetrics metrics;
    private final ApplicationEventPublisher events;
    private final Notifier notifier;
    private final ProbePartitions partitions;
    private final LiveEvents live;

    ResultPipeline(ProbeStatistics statistics, ResultWriter writer, ProbeMetrics metrics,
                   ApplicationEventPublisher events, Notifier notifier, ProbePartitions partitions, LiveEvents live) {
        this.partitions = partitions;
        this.live = live;
        this.statistics = statistics;
        this.writer = writer;
        this.metrics = metrics;
        this.events = events;
        this.notifier = notifier;
    }

    /** Records one result; returns the state change it caused, or null. */
    @org.jspecify.annotations.Nullable StateChange accept(ProbeTarget target, ProbeResult result) {
        StateChange change = statistics.record(target, result);
        // pushed results come from outside, through any node: no partition's schedule, no fence
        writer.enqueue(result, target.kind().isPushed() ? ProbePartitions.UNFENCED : partitions.fenceOf(target.key()));
        TargetStatus status = statistics.status(target.key()).orElseThrow();
        metrics.record(target);
        publish(new Recorded(this, new ProbeResultRecorded(result, status)), target);
        if (change != null) {
            onChange(target, change);
        }
        return change;
    }

    /**
     * A result another node stored: the same statistics and state machine as here, the criteria marked and
     * the boards told; nothing else. Its prober wrote it, recorded any state change, wrote the timeline and
     * sent the webhooks, once.
     */
    void acceptReplica(ProbeTarget target, ProbeResult result) {
        StateChange change = statistics.record(target, result);
        TargetStatus status = statistics.status(target.key()).orElseThrow();
        publish(new Recorded(this, new ProbeResultRecorded(result, status)), target);
        if (change != null) {
            live.onLiveUpdate(new ProbeStateChanged(change, target.group(), target.name()));
        }
    }

    private void onChange(ProbeTarget target, StateChange change) {
        try {
            writer.recordChange(change);
        } catch (RuntimeException e) {
            log.warn("Could not store the state change of {}", target.key(), e);
        }
        ProbeStateChanged event = new ProbeStateChanged(change, target.group(), target.name());
        // Listeners write to the database; when it is down they fail, and the webhook must still go out.
        publish(event, target);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("target", target.key());
        facts.put("from", change.from().name());
        facts.put("to", change.to().name());
        facts.put("group", target.group());
        publish(new TimelineNote(change.at(), SystemActor.NAME, "probe.state",
                "Probe " + target.name() + " is " + change.to() + " (was " + change.from() + "): " + change.reason(), null, facts), target);
        notifier.send(StateChangeNotification.of(event));
    }

    /**
     * The event of every result, as listeners of {@code PayloadApplicationEvent<ProbeResultRecorded>} see
     * it. Spring resolves and hashes the generic type of a plain payload event on every publish, which
     * cost more than delivering it (issue 14); this one's type is resolved once.
     */
    private static final class Recorded extends PayloadApplicationEvent<ProbeResultRecorded> {

        private static final ResolvableType PAYLOAD = ResolvableType.forClass(ProbeResultRecorded.class);
        private static final ResolvableType TYPE = ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, PAYLOAD);

        Recorded(Object source, ProbeResultRecorded payload) {
            super(source, payload, PAYLOAD);
        }

        @Override
        public ResolvableType getResolvableType() {
            return TYPE;
        }
    }

    private void publish(Object event, ProbeTarget target) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            log.warn("A listener of {} for {} failed (database unavailable?); the state change is kept in the probe history "
                    + "and the webhook is still sent", (event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event).getClass().getSimpleName(), target.key(), e);
        }
    }
}
