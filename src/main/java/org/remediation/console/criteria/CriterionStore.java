package org.remediation.console.criteria;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plain JDBC over the criterion table: evaluation rounds update many rows cheaply. */
@Repository
class CriterionStore {

    private static final String COLUMNS = "id, incident_key, phase_key, criterion_key, label, definition, manual,"
            + " position_no, state, state_since, value_text, sample_count, detail, evaluated_at, first_met_at,"
            + " evidence_note, confirmed_by, confirmed_at";

    private final JdbcTemplate jdbc;

    CriterionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CriterionRow> all() {
        return jdbc.query("select " + COLUMNS + " from criterion order by incident_key, phase_key, position_no",
                CriterionStore::map);
    }

    /** The rows with these ids (those that still exist), in chunks so no statement grows without bound. */
    List<CriterionRow> byIds(java.util.Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<CriterionRow> rows = new java.util.ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            rows.addAll(jdbc.query("select " + COLUMNS + " from criterion where id in (" + marks + ")",
                    CriterionStore::map, chunk.toArray()));
        }
        return rows;
    }

    List<CriterionRow> of(String incidentKey, String phaseKey) {
        return jdbc.query("select " + COLUMNS + " from criterion where incident_key = ? and phase_key = ?"
                + " order by position_no", CriterionStore::map, incidentKey, phaseKey);
    }

    List<CriterionRow> ofIncident(String incidentKey) {
        return jdbc.query("select " + COLUMNS + " from criterion where incident_key = ? order by phase_key, position_no",
                CriterionStore::map, incidentKey);
    }

    Optional<CriterionRow> find(CriterionOwner o) {
        return jdbc.query("select " + COLUMNS + " from criterion where incident_key = ? and phase_key = ?"
                        + " and criterion_key = ?", CriterionStore::map, o.incidentKey(), o.phaseKey(), o.criterionKey())
                .stream().findFirst();
    }

    long insert(CriterionRow r) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into criterion (incident_key, phase_key, criterion_key, label,"
                    + " definition, manual, position_no, state, state_since, value_text, sample_count, detail)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, r.owner().incidentKey());
            ps.setString(2, r.owner().phaseKey());
            ps.setString(3, r.owner().criterionKey());
            ps.setString(4, r.label());
            ps.setString(5, r.definition());
            ps.setBoolean(6, r.manual());
            ps.setInt(7, r.position());
            ps.setString(8, r.state().name());
            ps.setObject(9, odt(r.since()));
            ps.setString(10, r.valueText());
            ps.setLong(11, r.samples());
            ps.setString(12, r.detail());
            return ps;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateLabelAndPosition(long id, String label, int position) {
        jdbc.update("update criterion set label = ?, position_no = ?, version = version + 1 where id = ?",
                label, position, id);
    }

    void delete(long id) {
        jdbc.update("delete from criterion where id = ?", id);
    }

    void updateState(CriterionRow r) {
        jdbc.update("update criterion set state = ?, state_since = ?, value_text = ?, sample_count = ?, detail = ?,"
                        + " evaluated_at = ?, first_met_at = ?, version = version + 1 where id = ?",
                r.state().name(), odt(r.since()), cut(r.valueText(), 200), r.samples(), cut(r.detail(), 500),
                odt(r.evaluatedAt()), odt(r.firstMetAt()), r.id());
    }

    void confirm(long id, @Nullable String note, @Nullable String by, @Nullable Instant at) {
        jdbc.update("update criterion set evidence_note = ?, confirmed_by = ?, confirmed_at = ?, version = version + 1"
                + " where id = ?", note, by, odt(at), id);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static @Nullable OffsetDateTime odt(@Nullable Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static CriterionRow map(ResultSet rs, int i) throws SQLException {
        return new CriterionRow(rs.getLong("id"), new CriterionOwner(rs.getString("incident_key"),
                rs.getString("phase_key"), rs.getString("criterion_key")), rs.getString("label"),
                rs.getString("definition"), rs.getBoolean("manual"), rs.getInt("position_no"),
                CriterionState.valueOf(rs.getString("state")), instant(rs, "state_since"), rs.getString("value_text"),
                rs.getLong("sample_count"), rs.getString("detail"), instant(rs, "evaluated_at"),
                instant(rs, "first_met_at"), rs.getString("evidence_note"), rs.getString("confirmed_by"),
                instant(rs, "confirmed_at"));
    }
}
