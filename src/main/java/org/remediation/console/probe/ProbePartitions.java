package org.remediation.console.probe;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.remediation.console.base.cluster.Cluster;
import org.springframework.stereotype.Component;

/**
 * Which probe targets this node runs. Targets fall into {@code console.cluster.partitions} partitions by a
 * hash of their key; a node runs the targets of the partitions it holds ({@link PartitionOwnership}).
 * Single node: it runs every target. Each held partition has a fencing token; results carry the token
 * their partition had here, so the writer can refuse results of a partition this node no longer holds.
 */
@Component
class ProbePartitions {

    /** The fence of results that belong to no partition's schedule (pushed results): never refused. */
    static final long UNFENCED = -1;

    private final boolean clustered;
    private final int count;
    private final Map<Integer, Long> held = new ConcurrentHashMap<>();
    /** The fence each partition last had here, held or not (results still in flight carry it). */
    private final Map<Integer, Long> lastFence = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    ProbePartitions(Cluster cluster) {
        this(cluster.enabled(), cluster.properties().partitions());
    }

    private ProbePartitions(boolean clustered, int count) {
        this.clustered = clustered;
        this.count = count;
    }

    /** One node running every target (tests that build the engine by hand). */
    static ProbePartitions single() {
        return new ProbePartitions(false, 1);
    }

    boolean clustered() {
        return clustered;
    }

    int count() {
        return count;
    }

    /** The partition of a target key: the same on every node and across restarts. */
    int of(String key) {
        return Math.floorMod(key.hashCode() * 0x9E3779B1L, count);
    }

    static String leaseName(int partition) {
        return "probe-partition-" + partition;
    }

    boolean runsHere(String key) {
        return !clustered || held.containsKey(of(key));
    }

    /** The fencing token a result of this target is written under. */
    long fenceOf(String key) {
        return clustered ? lastFence.getOrDefault(of(key), 0L) : UNFENCED;
    }

    Set<Integer> held() {
        return Set.copyOf(held.keySet());
    }

    void hold(int partition, long fence) {
        lastFence.put(partition, fence);
        held.put(partition, fence);
    }

    void drop(int partition) {
        held.remove(partition);
    }
}
