package org.remediation.console.remediation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceRef;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plain JDBC over the remediation tables. Callers run it inside their transactions. */
@Repository
class ActionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    ActionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Map<String, @Nullable Object> columns) {
        List<String> names = new ArrayList<>(columns.keySet());
        String sql = "insert into remediation_action (" + String.join(", ", names) + ") values ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < names.size(); i++) {
                ps.setObject(i + 1, sqlValue(columns.get(names.get(i))));
            }
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Updates columns; when {@code expected} is given only if the action still has that status. */
    boolean update(long id, @Nullable ActionStatus expected, Map<String, @Nullable Object> columns) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("update remediation_action set version = version + 1");
        columns.forEach((k, v) -> {
            sql.append(", ").append(k).append(" = ?");
            args.add(sqlValue(v));
        });
        sql.append(" where id = ?");
        args.add(id);
        if (expected != null) {
            sql.append(" and status = ?");
            args.add(expected.name());
        }
        return jdbc.update(sql.toString(), args.toArray()) == 1;
    }

    Optional<ActionRecord> find(long id) {
        return jdbc.query("select * from remediation_action where id = ?", ActionStore::row, id).stream().findFirst();
    }

    /** Reads and row-locks the action for the rest of the transaction. */
    Optional<ActionRecord> lock(long id) {
        return jdbc.query("select * from remediation_action where id = ? for update", ActionStore::row, id).stream().findFirst();
    }

    /** The node sending this action's change now, if any. */
    @Nullable String runner(long id) {
        return jdbc.query("select runner_node from remediation_action where id = ?", (rs, i) -> rs.getString(1), id)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    void runner(long id, String node) {
        jdbc.update("update remediation_action set runner_node = ? where id = ?", node, id);
    }

    /** Clears the sending node unless another node took the action over meanwhile. */
    void clearRunner(long id, String node) {
        jdbc.update("update remediation_action set runner_node = null where id = ? and runner_node = ?", id, node);
    }

    List<ActionRecord> byStatus(ActionStatus status) {
        return jdbc.query("select * from remediation_action where status = ? order by id", ActionStore::row, status.name());
    }

    List<ActionRecord> watching() {
        return jdbc.query("select * from remediation_action where watch_until is not null order by id", ActionStore::row);
    }

    List<ActionRecord> list(ActionFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("select * from remediation_action where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.kind() != null) {
            sql.append(" and kind = ?");
            args.add(filter.kind().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            sql.append(" and (lower(resource_ref) like ? or lower(requested_by) like ? or lower(reason) like ?)");
            String like = "%" + filter.text().toLowerCase().trim() + "%";
            args.addAll(List.of(like, like, like));
        }
        if (filter.incidentKey() != null) {
            sql.append(" and incident_key = ?");
            args.add(filter.incidentKey());
        }
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.query(sql.toString(), ActionStore::row, args.toArray());
    }

    @Nullable String watchBaseline(long id) {
        return jdbc.queryForList("select watch_baseline from remediation_action where id = ?", String.class, id)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Takes the resource's lock for this action; false when another action holds it. */
    boolean tryLock(ResourceRef ref, long actionId, Instant at) {
        try {
            jdbc.update("insert into remediation_lock (resource_ref, action_id, locked_at) values (?, ?, ?)",
                    ref.toString(), actionId, utc(at));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Long> lockHolder(ResourceRef ref) {
        return jdbc.queryForList("select action_id from remediation_lock where resource_ref = ?", Long.class, ref.toString())
                .stream().findFirst();
    }

    /** A lock still held by an action that has ended (its operation was still running). */
    record HeldLock(ResourceRef resource, long actionId) {
    }

    List<HeldLock> locksOfFinishedActions() {
        return jdbc.query("select l.resource_ref, l.action_id from remediation_lock l join remediation_action a"
                + " on a.id = l.action_id where a.status <> 'RUNNING'",
                (rs, i) -> new HeldLock(ResourceRef.parse(rs.getString(1)), rs.getLong(2)));
    }

    void unlock(ResourceRef ref, long actionId) {
        jdbc.update("delete from remediation_lock where resource_ref = ? and action_id = ?", ref.toString(), actionId);
    }

    /** Releases every lock the action holds (a stepped action locks each resource it touches). */
    boolean holdsAnyLock(long actionId) {
        return jdbc.queryForObject("select count(*) from remediation_lock where action_id = ?", Long.class, actionId) > 0;
    }

    void unlockAll(long actionId) {
        jdbc.update("delete from remediation_lock where action_id = ?", actionId);
    }

    /** The step a stepped action has reached (0 for every other action). */
    int stepIndex(long id) {
        Integer step = jdbc.queryForObject("select step_index from remediation_action where id = ?", Integer.class, id);
        return step == null ? 0 : step;
    }

    @Nullable Instant stepStartedAt(long id) {
        return jdbc.query("select step_started_at from remediation_action where id = ?", (rs, i) -> instant(rs, "step_started_at"), id)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    void addStep(ActionStep step) {
        jdbc.update("insert into remediation_step (action_id, at, actor, step, message) values (?, ?, ?, ?, ?)",
                step.actionId(), utc(step.at()), step.actor(), step.step(),
                step.message().length() > 2000 ? step.message().substring(0, 2000) : step.message());
    }

    List<ActionStep> steps(long actionId) {
        return jdbc.query("select action_id, at, actor, step, message from remediation_step where action_id = ? order by id",
                (rs, i) -> new ActionStep(rs.getLong(1), instant(rs, "at"), rs.getString(3), rs.getString(4), rs.getString(5)),
                actionId);
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Map<String, String> map(String json) {
        return JSON.readValue(json, MAP);
    }

    private static @Nullable Object sqlValue(@Nullable Object v) {
        if (v instanceof Instant i) {
            return utc(i);
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v;
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static ActionRecord row(ResultSet rs, int row) throws SQLException {
        String after = rs.getString("after_state");
        String signals = rs.getString("watch_signals");
        long rollbackOf = rs.getLong("rollback_of");
        boolean noRollback = rs.wasNull();
        return new ActionRecord(rs.getLong("id"), ActionKind.valueOf(rs.getString("kind")),
                ResourceRef.parse(rs.getString("resource_ref")), map(rs.getString("params")), map(rs.getString("desired")),
                rs.getString("reason"), rs.getString("task_id"), rs.getString("incident_key"), rs.getString("incident_severity"),
                ActionStatus.valueOf(rs.getString("status")), rs.getString("requested_by"), instant(rs, "requested_at"),
                rs.getBoolean("approval_required"), rs.getString("approval_reasons"),
                JSON.readValue(rs.getString("preview"), Preview.class), map(rs.getString("before_state")),
                after == null ? null : map(after), rs.getString("approved_by"), instant(rs, "approved_at"),
                instant(rs, "approval_expires_at"), rs.getString("decided_note"), rs.getString("operation_id"),
                instant(rs, "started_at"), rs.getInt("progress"), rs.getString("result_message"), instant(rs, "finished_at"),
                noRollback ? null : rollbackOf, rs.getInt("watch_minutes"),
                signals.isBlank() ? List.of() : Arrays.asList(signals.split(",")), rs.getBoolean("auto_rollback"),
                instant(rs, "watch_until"));
    }

    static Map<String, @Nullable Object> columns(Object... kv) {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

}
