package org.remediation.console.probe;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes results in batches: buffered in memory, flushed every second or as soon as
 * {@code console.probes.batch-size} results are waiting, with one JDBC batch insert.
 */
@Component
class ResultWriter {

    private static final Logger log = LoggerFactory.getLogger(ResultWriter.class);

    private final JdbcTemplate jdbc;
    private final int batchSize;
    private final ConcurrentLinkedQueue<ProbeResult> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();

    ResultWriter(JdbcTemplate jdbc, ProbeProperties properties) {
        this.jdbc = jdbc;
        this.batchSize = Math.max(1, properties.batchSize());
    }

    void enqueue(ProbeResult r) {
        queue.add(r);
        if (waiting.incrementAndGet() >= batchSize) {
            Thread.ofVirtual().start(this::flush);
        }
    }

    @Scheduled(fixedDelayString = "${console.probes.flush-interval:1s}")
    synchronized int flush() {
        List<ProbeResult> batch = new ArrayList<>();
        for (ProbeResult r = queue.poll(); r != null; r = queue.poll()) {
            batch.add(r);
            waiting.decrementAndGet();
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            jdbc.batchUpdate("insert into probe_result (target_key, started_at, duration_ms, outcome, error_class, "
                    + "error_message, measurements) values (?, ?, ?, ?, ?, ?, ?)", batch, 200, (ps, r) -> {
                        ps.setString(1, r.targetKey());
                        ps.setTimestamp(2, Timestamp.from(r.startedAt()));
                        ps.setDouble(3, r.durationMs());
                        ps.setString(4, r.outcome().name());
                        ps.setString(5, r.errorClass());
                        ps.setString(6, r.error() == null ? null : truncate(r.error(), 500));
                        ps.setString(7, truncate(Json.write(r.measurements()), 2000));
                    });
        } catch (RuntimeException e) {
            log.warn("Could not write {} probe results; they stay in memory statistics only", batch.size(), e);
        }
        return batch.size();
    }

    void recordChange(StateChange c) {
        jdbc.update("insert into probe_state_change (target_key, changed_at, from_state, to_state, reason) values (?, ?, ?, ?, ?)",
                c.targetKey(), Timestamp.from(c.at()), c.from().name(), c.to().name(), truncate(c.reason(), 500));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
