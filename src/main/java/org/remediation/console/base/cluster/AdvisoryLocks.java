package org.remediation.console.base.cluster;

import java.sql.SQLException;
import java.util.Set;

/** This node's advisory locks, for a {@link ClusterParticipant} on the heartbeat thread. Keys from 100 up are the participants'. */
public interface AdvisoryLocks {

    boolean tryLock(int key) throws SQLException;

    void unlock(int key) throws SQLException;

    Set<Integer> held();
}
