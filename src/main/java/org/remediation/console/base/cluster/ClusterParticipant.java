package org.remediation.console.base.cluster;

/**
 * A feature that holds locks of its own (the probe partitions): called on the heartbeat thread after
 * this node proved its session alive, with the live members in a fixed order.
 */
public interface ClusterParticipant {

    void heartbeat(Cluster.View view, AdvisoryLocks locks) throws java.sql.SQLException;

    /** The session is gone and with it every lock: stop acting on what they guarded, at once. */
    void lostAll();

    /** This node is leaving cleanly: let go of what it holds so others continue where it stopped. */
    default void leaving(Cluster.View view, AdvisoryLocks locks) throws java.sql.SQLException {
    }
}
