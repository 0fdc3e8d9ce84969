package org.remediation.console.cloud.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.ResourceRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plain JDBC over the sandbox tables; the simulated cloud's state survives restarts. */
@Repository
class SandboxStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    /** One simulated long-running operation. */
    record Operation(String id, ResourceRef ref, String kind, Map<String, String> desired, Instant startedAt,
                     Duration duration, String outcome, boolean done, @Nullable String error) {
    }

    private final JdbcTemplate jdbc;

    SandboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insertResourceIfAbsent(ResourceRef ref, Map<String, String> attrs) {
        jdbc.update("insert into sandbox_resource (resource_ref, attrs) select ?, ? where not exists "
                + "(select 1 from sandbox_resource where resource_ref = ?)", ref.toString(), toJson(attrs), ref.toString());
    }

    void replaceResource(ResourceRef ref, Map<String, String> attrs) {
        if (jdbc.update("update sandbox_resource set attrs = ?, version = version + 1 where resource_ref = ?",
                toJson(attrs), ref.toString()) == 0) {
            insertResourceIfAbsent(ref, attrs);
        }
    }

    /** Removes a resource (a deleted connector); its finished operations stay as history. */
    void deleteResource(ResourceRef ref) {
        jdbc.update("delete from sandbox_resource where resource_ref = ?", ref.toString());
    }

    /** Reads and row-locks the resource, so concurrent operations on it serialise. */
    Optional<Map<String, String>> lockResource(ResourceRef ref) {
        return jdbc.query("select attrs from sandbox_resource where resource_ref = ? for update",
                (rs, i) -> fromJson(rs.getString(1)), ref.toString()).stream().findFirst();
    }

    Optional<Map<String, String>> resource(ResourceRef ref) {
        return jdbc.query("select attrs from sandbox_resource where resource_ref = ?",
                (rs, i) -> fromJson(rs.getString(1)), ref.toString()).stream().findFirst();
    }

    List<String> resourceRefs() {
        return jdbc.queryForList("select resource_ref from sandbox_resource", String.class);
    }

    void insertOperation(Operation op) {
        jdbc.update("insert into sandbox_operation (id, resource_ref, op_kind, desired, started_at, duration_ms, outcome) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", op.id(), op.ref().toString(), op.kind(), toJson(op.desired()),
                utc(op.startedAt()), op.duration().toMillis(), op.outcome());
    }

    Optional<Operation> operation(String id) {
        return jdbc.query("select * from sandbox_operation where id = ?", this::mapOperation, id).stream().findFirst();
    }

    List<Operation> openOperations(ResourceRef ref) {
        return jdbc.query("select * from sandbox_operation where resource_ref = ? and done = false order by started_at",
                this::mapOperation, ref.toString());
    }

    List<Operation> allOpenOperations() {
        return jdbc.query("select * from sandbox_operation where done = false order by started_at", this::mapOperation);
    }

    /** Marks an operation done exactly once; false when another caller already finished it. */
    boolean finish(String id, @Nullable String error, Instant at) {
        return jdbc.update("update sandbox_operation set done = true, error = ?, finished_at = ? where id = ? and done = false",
                error, utc(at), id) == 1;
    }

    Map<String, FaultRule> faults() {
        Map<String, FaultRule> m = new LinkedHashMap<>();
        jdbc.query("select target, fault, set_by, set_at from sandbox_fault order by target", rs -> {
            m.put(rs.getString(1), new FaultRule(rs.getString(1), Fault.valueOf(rs.getString(2)), rs.getString(3),
                    instant(rs, 4)));
        });
        return m;
    }

    Optional<FaultRule> fault(String target) {
        return Optional.ofNullable(faults().get(target));
    }

    void putFault(FaultRule rule) {
        jdbc.update("delete from sandbox_fault where target = ?", rule.target());
        jdbc.update("insert into sandbox_fault (target, fault, set_by, set_at) values (?, ?, ?, ?)", rule.target(),
                rule.fault().name(), rule.setBy(), utc(rule.setAt()));
    }

    boolean deleteFault(String target) {
        return jdbc.update("delete from sandbox_fault where target = ?", target) > 0;
    }

    private Operation mapOperation(ResultSet rs, int row) throws SQLException {
        return new Operation(rs.getString("id"), ResourceRef.parse(rs.getString("resource_ref")), rs.getString("op_kind"),
                fromJson(rs.getString("desired")), instant(rs, "started_at"), Duration.ofMillis(rs.getLong("duration_ms")),
                rs.getString("outcome"), rs.getBoolean("done"), rs.getString("error"));
    }

    static String toJson(Map<String, String> attrs) {
        return JSON.writeValueAsString(new TreeMap<>(attrs));
    }

    static Map<String, String> fromJson(String json) {
        return JSON.readValue(json, MAP);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

}
