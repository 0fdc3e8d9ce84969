package org.remediation.console.probe;

import org.remediation.console.base.identity.SignedIn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-minute rollups from the database (kept {@code console.probes.rollup-retention}, 30 days by
 * default) as rows for display. Window statistics do not go through here: {@link ProbeStatistics}
 * merges stored raw results and the rollups' histograms itself ({@code StoredResults}).
 */
@Service
@SignedIn
public class ProbeHistory {

    private final JdbcTemplate jdbc;

    ProbeHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rollups of one target with {@code from <= minute < to}, oldest first. */
    @Transactional(readOnly = true)
    public List<MinuteRollup> rollups(String targetKey, Instant from, Instant to) {
        return jdbc.query("select target_key, minute_start, samples, failures, min_ms, max_ms, p50_ms, p95_ms, p99_ms "
                        + "from probe_rollup where target_key = ? and minute_start >= ? and minute_start < ? order by minute_start",
                (rs, i) -> new MinuteRollup(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4),
                        rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)),
                targetKey, Timestamp.from(from), Timestamp.from(to));
    }
}
