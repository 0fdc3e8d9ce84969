package org.remediation.console.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Plain JDBC over the audit tables: the chain is written and streamed without an ORM in the way. */
@Repository
class AuditStore {

    private static final String COLUMNS = "seq, occurred_at, actor, action, subject, details, prev_hash, hash, key_id";
    private static final RowMapper<AuditEvent> MAPPER = AuditStore::map;

    private final JdbcTemplate jdbc;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the chain head for the rest of the transaction; serialises appenders on every replica. */
    Head lockHead() {
        return jdbc.queryForObject("select last_seq, last_hash from audit_head where id = 1 for update",
                (rs, i) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    long headSeq() {
        Long seq = jdbc.queryForObject("select last_seq from audit_head where id = 1", Long.class);
        return seq == null ? 0 : seq;
    }

    void insert(AuditEvent e) {
        jdbc.update("insert into audit_event (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.seq(), OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.actor(), e.action(),
                e.subject(), e.details(), e.prevHash(), e.hash(), e.keyId());
    }

    /** The stored hash of event {@code seq}, if that event exists. */
    Optional<String> hashAt(long seq) {
        return jdbc.query("select hash from audit_event where seq = ?", (rs, i) -> rs.getString(1), seq).stream().findFirst();
    }

    /** The newest stored event (the chain's head as the events table has it). */
    Optional<AuditEvent> last() {
        return jdbc.query("select " + COLUMNS + " from audit_event order by seq desc limit 1", MAPPER).stream().findFirst();
    }

    void moveHead(long seq, String hash) {
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, hash);
    }

    /** Streams events in chain order, {@code fetchSize} rows at a time, without holding them all. */
    void streamAll(Consumer<AuditEvent> sink) {
        streamWhere(AuditFilter.all(), true, sink);
    }

    void streamWhere(AuditFilter filter, boolean ascending, Consumer<AuditEvent> sink) {
        Where where = Where.of(filter);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(2000);
        streaming.query("select " + COLUMNS + " from audit_event" + where.sql() + " order by seq "
                + (ascending ? "asc" : "desc"), rs -> { sink.accept(map(rs, 0)); }, where.args());
    }

    List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        Where where = Where.of(filter);
        List<Object> args = new ArrayList<>(List.of(where.args()));
        args.add(limit);
        args.add(offset);
        return jdbc.query("select " + COLUMNS + " from audit_event" + where.sql()
                + " order by seq desc limit ? offset ?", MAPPER, args.toArray());
    }

    long count(AuditFilter filter) {
        Where where = Where.of(filter);
        Long n = jdbc.queryForObject("select count(*) from audit_event" + where.sql(), Long.class, where.args());
        return n == null ? 0 : n;
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9));
    }

    record Head(long seq, String hash) {
    }

    private record Where(String sql, Object[] args) {
        static Where of(AuditFilter f) {
            List<String> clauses = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            prefix(clauses, args, "actor", f.actor());
            prefix(clauses, args, "action", f.action());
            prefix(clauses, args, "subject", f.subject());
            if (f.from() != null) {
                clauses.add("occurred_at >= ?");
                args.add(utc(f.from()));
            }
            if (f.to() != null) {
                clauses.add("occurred_at < ?");
                args.add(utc(f.to()));
            }
            return new Where(clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses), args.toArray());
        }

        private static void prefix(List<String> clauses, List<Object> args, String column, @Nullable String value) {
            if (value != null && !value.isBlank()) {
                clauses.add(column + " like ?");
                args.add(value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }

        private static OffsetDateTime utc(Instant at) {
            return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        }
    }
}
