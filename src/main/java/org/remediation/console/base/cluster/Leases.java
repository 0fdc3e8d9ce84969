package org.remediation.console.base.cluster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fencing tokens of what the advisory locks guard (PostgreSQL only). Whoever takes a lock moves its
 * fence here before acting on it; whoever lets one go records when, so the next holder knows where to
 * continue.
 */
public final class Leases {

    private static final String COLUMNS = "name, owner, fence, prev_fence, changed_at, graceful";

    private final JdbcTemplate jdbc;
    private final String self;

    Leases(JdbcTemplate jdbc, String self) {
        this.jdbc = jdbc;
        this.self = self;
    }

    /** Creates the named rows that do not exist yet (nobody holds them). */
    public void ensure(Collection<String> names) {
        for (String name : names) {
            jdbc.update("insert into cluster_lease (name) values (?) on conflict (name) do nothing", name);
        }
    }

    /**
     * Records that this node now holds the lease (call right after taking its lock): a new fence; graceful when
     * the last holder let it go itself (then changed_at stays the instant up to which it had started every run).
     */
    public Lease taken(String name) {
        return jdbc.queryForObject("update cluster_lease set prev_fence = fence, fence = fence + 1,"
                + " graceful = (owner is null and graceful),"
                + " changed_at = case when owner is null and graceful then changed_at else now() end, owner = ?"
                + " where name = ? returning " + COLUMNS, Leases::map, self, name);
    }

    /** Records that this node lets the lease go (call before releasing its lock), having started every run due up to then. */
    public void released(String name, Instant startedUpTo) {
        jdbc.update("update cluster_lease set owner = null, graceful = true, changed_at = ? where name = ? and owner = ?",
                Timestamp.from(startedUpTo), name, self);
    }

    /** The fences of these leases as stored now, locked against a change of owner until the caller's transaction ends. */
    public List<Lease> lockedForWrite(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from cluster_lease where name = any(?) for share", Leases::map,
                (Object) names.toArray(String[]::new));
    }

    /** Every lease under the prefix. */
    public List<Lease> all(String prefix) {
        return jdbc.query("select " + COLUMNS + " from cluster_lease where name like ? order by name", Leases::map,
                prefix + "%");
    }

    private static Lease map(ResultSet rs, int row) throws SQLException {
        return new Lease(rs.getString("name"), rs.getString("owner"), rs.getLong("fence"), rs.getLong("prev_fence"),
                instant(rs.getTimestamp("changed_at")), rs.getBoolean("graceful"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
