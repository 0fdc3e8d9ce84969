package org.remediation.console.probe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.cluster.ClusterBus;
import org.remediation.console.base.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.JsonNode;

/**
 * Feeds this node's statistics with the results other nodes stored ({@link ResultStream}), so every board,
 * criterion and detail view on every node sees every target; after a gap in the stream the memory of
 * those targets is read again from the database.
 */
@Component
class ReplicaResults {

    private static final Logger log = LoggerFactory.getLogger(ReplicaResults.class);

    private final Cluster cluster;
    private final ResultPipeline pipeline;
    private final ProbeTargetService targets;
    private final ProbeStatistics statistics;
    private final ProbePartitions partitions;
    private final Map<String, ProbeTarget> known = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    ReplicaResults(Cluster cluster, ClusterBus bus, ResultPipeline pipeline, ProbeTargetService targets,
                   ProbeStatistics statistics, ProbePartitions partitions) {
        this.cluster = cluster;
        this.pipeline = pipeline;
        this.targets = targets;
        this.statistics = statistics;
        this.partitions = partitions;
        if (cluster.enabled()) {
            bus.subscribe(ResultStream.CHANNEL, this::received);
            bus.onGap(() -> statistics.rewarm(key -> !partitions.runsHere(key)));
        }
    }

    void received(String message) {
        JsonNode m = ResultStream.read(message);
        if (cluster.nodeId().equals(ResultStream.origin(m))) {
            return;
        }
        for (ProbeResult r : ResultStream.results(m)) {
            ProbeTarget t = target(r.targetKey());
            if (t == null || seen(r)) {
                continue;
            }
            pipeline.acceptReplica(t, r);
        }
    }

    /** A result already in memory (read from the database after a gap, then announced as well). */
    private boolean seen(ProbeResult r) {
        Instant start = r.startedAt();
        return statistics.recentResults(r.targetKey(), 3).stream().anyMatch(x -> x.startedAt().equals(start));
    }

    private ProbeTarget target(String key) {
        if (!loaded) {
            SystemActor.call(targets::all).forEach(t -> known.put(t.key(), t));
            loaded = true;
        }
        ProbeTarget t = known.get(key);
        if (t == null) {
            t = SystemActor.call(() -> targets.find(key)).orElse(null);
            if (t == null) {
                log.debug("A result of {} arrived for a target this node does not know (deleted meanwhile)", key);
                return null;
            }
            known.put(key, t);
        }
        return t;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChange(ProbeTargetChanged e) {
        if (e.target() == null) {
            known.remove(e.key());
        } else {
            known.put(e.key(), e.target());
        }
    }

}
