package org.remediation.console.probe;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.cluster.AdvisoryLocks;
import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.base.cluster.ClusterBus;
import org.remediation.console.base.cluster.ClusterParticipant;
import org.remediation.console.base.cluster.ClusterShare;
import org.remediation.console.base.cluster.Lease;
import org.remediation.console.base.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Spreads the probe partitions over the live members, one advisory lock each (docs/adr/0012). On every
 * heartbeat a node takes free partitions up to its even share and, when it holds more while another member
 * holds less, lets the excess go. A partition let go records the instant up to which its runs were started,
 * and the next holder starts after it: a hand-over neither misses nor repeats an interval. A partition whose
 * holder died is taken within a heartbeat (its session's locks are gone); the taker continues after the
 * last stored run, so at most the interval of the death is missed and none is run twice.
 */
@Component
class PartitionOwnership implements ClusterParticipant, ClusterShare {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);
    private static final String PREFIX = "probe-partition-";
    private static final int FIRST_KEY = 100;

    private final Cluster cluster;
    private final ProbePartitions partitions;
    private final SchedulerLifecycle scheduling;
    private final ProbeTargetService targets;
    private final JdbcTemplate jdbc;
    private final ClusterBus bus;
    private final Clock clock;
    private final boolean probing;
    private volatile int share;
    private boolean ensured;

    PartitionOwnership(Cluster cluster, ProbePartitions partitions, SchedulerLifecycle scheduling, ProbeTargetService targets,
                       JdbcTemplate jdbc, ClusterBus bus, Clock clock, ProbeProperties properties) {
        this.cluster = cluster;
        this.partitions = partitions;
        this.scheduling = scheduling;
        this.targets = targets;
        this.jdbc = jdbc;
        this.bus = bus;
        this.clock = clock;
        this.probing = properties.scheduler().enabled();
    }

    @Override
    public String what() {
        return "probe partitions";
    }

    @Override
    public int held() {
        return partitions.held().size();
    }

    @Override
    public int share() {
        return share;
    }

    @Override
    public void heartbeat(Cluster.View view, AdvisoryLocks locks) throws SQLException {
        if (!probing || view.position() < 0) {
            return;
        }
        if (!ensured) {
            List<String> names = new ArrayList<>();
            for (int p = 0; p < partitions.count(); p++) {
                names.add(ProbePartitions.leaseName(p));
            }
            cluster.leases().ensure(names);
            ensured = true;
        }
        for (int p : partitions.held()) {
            if (!locks.held().contains(FIRST_KEY + p)) {
                lose(Set.of(p), "its lock is gone");
            }
        }
        int members = view.members().size();
        int quota = partitions.count() / members + (view.position() < partitions.count() % members ? 1 : 0);
        share = partitions.count() / members;
        int mine = partitions.held().size();
        if (mine < quota) {
            take(view, locks, quota - mine);
        } else if (mine > quota) {
            letGo(locks, mine - quota);
        }
    }

    private void take(Cluster.View view, AdvisoryLocks locks, int wanted) throws SQLException {
        List<Lease> free = cluster.leases().all(PREFIX).stream()
                .filter(l -> l.owner() == null || view.member(l.owner()) == null || l.owner().equals(cluster.nodeId()))
                .filter(l -> !partitions.held().contains(partition(l)))
                .toList();
        Map<Integer, Lease> taken = new HashMap<>();
        for (Lease l : free) {
            if (taken.size() == wanted) {
                break;
            }
            int p = partition(l);
            if (locks.tryLock(FIRST_KEY + p)) {
                taken.put(p, cluster.leases().taken(l.name()));
            }
        }
        if (!taken.isEmpty()) {
            gain(taken);
        }
    }

    /** Starts the targets of newly held partitions where the previous holder stopped. */
    private void gain(Map<Integer, Lease> taken) {
        Instant now = clock.instant();
        List<ProbeTarget> mine = SystemActor.call(targets::all).stream()
                .filter(t -> taken.containsKey(partitions.of(t.key()))).toList();
        Map<String, Instant> lastRun = lastStoredStarts(mine, now);
        int graceful = 0;
        for (Map.Entry<Integer, Lease> e : taken.entrySet()) {
            partitions.hold(e.getKey(), e.getValue().fence());
            graceful += e.getValue().graceful() ? 1 : 0;
        }
        for (ProbeTarget t : mine) {
            Lease lease = taken.get(partitions.of(t.key()));
            scheduling.adopt(t, continueAfter(t, lease, lastRun.get(t.key()), now));
        }
        log.info("Probe partitions taken: {} ({} handed over, {} from a member that died or never held them): {} targets",
                taken.size(), graceful, taken.size() - graceful, mine.size());
    }

    /** After which instant the new holder runs a target, or null to start as on a fresh start. */
    static @Nullable Instant continueAfter(ProbeTarget t, Lease lease, @Nullable Instant lastStoredRun, Instant now) {
        Duration recent = t.interval().multipliedBy(3);
        if (lease.graceful()) {
            Instant upTo = lease.changedAt();
            return upTo != null && upTo.isAfter(now.minus(recent)) ? upTo : null;
        }
        if (lastStoredRun == null || lastStoredRun.isBefore(now.minus(recent))) {
            return null;
        }
        // the interval the holder died in is run now unless it had run it; nothing older is made up
        Instant floor = now.minus(t.interval());
        return lastStoredRun.isAfter(floor) ? lastStoredRun : floor;
    }

    private Map<String, Instant> lastStoredStarts(List<ProbeTarget> list, Instant now) {
        Map<String, Instant> last = new HashMap<>();
        if (list.isEmpty()) {
            return last;
        }
        Duration longest = list.stream().map(ProbeTarget::interval).max(Duration::compareTo).orElseThrow();
        jdbc.query("select target_key, max(started_at) from probe_result where target_key = any(?) and started_at > ?"
                + " group by target_key", rs -> {
                    last.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }, list.stream().map(ProbeTarget::key).toArray(String[]::new),
                Timestamp.from(now.minus(longest.multipliedBy(3))));
        return last;
    }

    private void letGo(AdvisoryLocks locks, int excess) throws SQLException {
        List<Integer> held = new ArrayList<>(partitions.held());
        held.sort(null);
        List<Integer> going = held.subList(held.size() - Math.min(excess, held.size()), held.size());
        going.forEach(partitions::drop); // first, so no target edit schedules one of them here again
        Instant upTo = scheduling.release(key -> going.contains(partitions.of(key)));
        for (int p : going) {
            cluster.leases().released(ProbePartitions.leaseName(p), upTo);
            locks.unlock(FIRST_KEY + p);
        }
        log.info("Probe partitions handed over: {} (runs started up to {})", going.size(), upTo);
        bus.send(ClusterBus.WAKE, "partitions");
    }

    @Override
    public void lostAll() {
        lose(partitions.held(), "this node's database session is gone");
    }

    private void lose(Set<Integer> lost, String why) {
        if (lost.isEmpty()) {
            return;
        }
        lost.forEach(partitions::drop);
        scheduling.drop(key -> lost.contains(partitions.of(key)));
        log.warn("Probe partitions lost: {} ({}); their results from now on are refused", lost.size(), why);
    }

    @Override
    public void leaving(Cluster.View view, AdvisoryLocks locks) throws SQLException {
        Set<Integer> held = partitions.held();
        if (held.isEmpty()) {
            return;
        }
        Instant upTo = scheduling.stoppedAt();
        for (int p : held) {
            partitions.drop(p);
            cluster.leases().released(ProbePartitions.leaseName(p), upTo);
            locks.unlock(FIRST_KEY + p);
        }
        bus.send(ClusterBus.WAKE, "partitions");
        log.info("Probe partitions handed over on stop: {} (runs started up to {})", held.size(), upTo);
    }

    private static int partition(Lease l) {
        return Integer.parseInt(l.name().substring(PREFIX.length()));
    }
}
