package org.remediation.console.base.cluster;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Keeps this node a member: one platform thread proves its lock session alive every
 * {@code console.cluster.heartbeat} (sooner when another member let a partition go), refreshes the view,
 * takes the leader lock when free and lets each {@link ClusterParticipant} rebalance. Starts before the
 * probe scheduler and stops after it, letting go of what this node holds on a clean stop.
 */
@Component
class Heartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final Cluster cluster;
    private final List<ClusterParticipant> participants;
    private final LockSession session;
    private final Semaphore wake = new Semaphore(0);
    private final AdvisoryLocks locks;
    private volatile @Nullable Thread thread;
    private boolean holding;
    private long beats;

    Heartbeat(Cluster cluster, List<ClusterParticipant> participants, Environment env, ClusterBus bus) {
        this.cluster = cluster;
        this.participants = participants;
        this.session = new LockSession(env, cluster.nodeId());
        this.locks = new AdvisoryLocks() {
            @Override
            public boolean tryLock(int key) throws java.sql.SQLException {
                return session.tryLock(check(key), false);
            }

            @Override
            public void unlock(int key) throws java.sql.SQLException {
                session.unlock(check(key));
            }

            @Override
            public java.util.Set<Integer> held() {
                return session.held();
            }
        };
        if (cluster.enabled()) {
            bus.subscribe(ClusterBus.WAKE, message -> wake());
        }
    }

    private static int check(int key) {
        if (key < LockSession.FIRST_PARTITION) {
            throw new IllegalArgumentException("advisory lock keys below " + LockSession.FIRST_PARTITION + " are the cluster's own");
        }
        return key;
    }

    /** Runs the next beat now (another member let something go). */
    void wake() {
        wake.release();
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // before the probe scheduler starts, after it stops
    }

    @Override
    public void start() {
        if (!cluster.enabled()) {
            return;
        }
        cluster.joining();
        beatOnce(); // a member, perhaps holding partitions, before the scheduler asks what to probe
        log.info("Cluster member {} joined: {} live members, leader: {}", cluster.nodeId(), cluster.view().members().size(),
                cluster.isLeader());
        thread = Thread.ofPlatform().daemon().name("cluster-heartbeat").start(this::loop);
    }

    private void loop() {
        long every = cluster.properties().heartbeat().toMillis();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (wake.tryAcquire(every, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                beatOnce();
            } catch (Throwable fatal) { // an Error must not leave this node's session holding locks it no longer renews
                session.drop();
                lost("heartbeat thread failed: " + fatal);
                log.error("Cluster heartbeat failed; this node let go of everything it held and keeps trying", fatal);
            }
        }
    }

    synchronized void beatOnce() {
        Cluster.View view;
        try {
            boolean wasLeader = cluster.isLeader();
            view = cluster.beat(session);
            if (view == null) {
                lost("the database session that holds this node's locks is gone");
                return;
            }
            holding = true;
            if (view.leader() != wasLeader) {
                log.info("Cluster member {} {} the leader (fence {})", cluster.nodeId(), view.leader() ? "is now" : "is no longer",
                        cluster.leaderFence());
            }
            if (view.leader() && ++beats % 3600 == 0) {
                cluster.pruneMembers();
            }
        } catch (java.sql.SQLException | RuntimeException e) {
            session.drop();
            lost("heartbeat failed: " + e);
            return;
        }
        for (ClusterParticipant p : participants) {
            try {
                p.heartbeat(view, locks);
            } catch (java.sql.SQLException | RuntimeException e) {
                log.warn("Cluster participant {} failed on heartbeat; retried on the next", p.getClass().getSimpleName(), e);
            }
        }
    }

    private void lost(String why) {
        cluster.lostAll();
        if (holding) {
            log.warn("Cluster member {} holds nothing any more ({}); rejoining", cluster.nodeId(), why);
            holding = false;
        }
        participants.forEach(ClusterParticipant::lostAll);
    }

    @Override
    public void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        t.interrupt();
        thread = null;
        try {
            t.join(2000);
            synchronized (this) {
                Cluster.View view = cluster.view();
                for (ClusterParticipant p : participants) {
                    p.leaving(view, locks);
                }
                cluster.left();
                session.drop();
            }
            log.info("Cluster member {} left", cluster.nodeId());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.sql.SQLException | RuntimeException e) {
            session.drop();
            log.warn("Could not leave the cluster cleanly; the others take over what this node held", e);
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
