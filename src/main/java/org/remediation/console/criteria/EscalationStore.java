package org.remediation.console.criteria;

import static org.remediation.console.criteria.CriterionStore.instant;
import static org.remediation.console.criteria.CriterionStore.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plain JDBC over escalation rules and their firings. */
@Repository
class EscalationStore {

    private static final String FIRING = "id, incident_key, phase_key, rule_text, message, fired_at,"
            + " acknowledged_by, acknowledged_at, coalesce(current_message, message) as current_message,"
            + " coalesce(checked_at, fired_at) as checked_at, resolved_at";

    private final JdbcTemplate jdbc;

    EscalationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<EscalationRuleView> allRules() {
        return jdbc.query("select * from escalation_rule order by incident_key, phase_key, position_no", EscalationStore::rule);
    }

    List<EscalationRuleView> rules(String incidentKey, String phaseKey) {
        return jdbc.query("select * from escalation_rule where incident_key = ? and phase_key = ? order by position_no",
                EscalationStore::rule, incidentKey, phaseKey);
    }

    void replaceRules(String incidentKey, String phaseKey, List<String> texts, String by, Instant at) {
        jdbc.update("delete from escalation_rule where incident_key = ? and phase_key = ?", incidentKey, phaseKey);
        for (int i = 0; i < texts.size(); i++) {
            jdbc.update("insert into escalation_rule (incident_key, phase_key, rule_text, position_no, created_by,"
                    + " created_at) values (?, ?, ?, ?, ?, ?)", incidentKey, phaseKey, texts.get(i), i, by, odt(at));
        }
    }

    /** Inserts the firing unless this episode already fired; true when it is new. */
    boolean insertFiring(String firingKey, EscalationRuleView rule, String message, Instant at) {
        Integer exists = jdbc.queryForObject("select count(*) from escalation_firing where firing_key = ?",
                Integer.class, firingKey);
        if (exists != null && exists > 0) {
            return false;
        }
        String text = clip(message);
        jdbc.update("insert into escalation_firing (firing_key, incident_key, phase_key, rule_text, message, fired_at,"
                        + " current_message, checked_at) values (?, ?, ?, ?, ?, ?, ?, ?)", firingKey, rule.incidentKey(),
                rule.phaseKey(), rule.text(), text, odt(at), text, odt(at));
        return true;
    }

    Optional<EscalationAlert> firing(String firingKey) {
        return jdbc.query("select " + FIRING + " from escalation_firing where firing_key = ?", EscalationStore::alert,
                firingKey).stream().findFirst();
    }

    Optional<EscalationAlert> firing(long id) {
        return jdbc.query("select " + FIRING + " from escalation_firing where id = ?", EscalationStore::alert, id)
                .stream().findFirst();
    }

    List<EscalationAlert> open(String incidentKey) {
        return jdbc.query("select " + FIRING + " from escalation_firing where incident_key = ?"
                + " and acknowledged_at is null and resolved_at is null order by fired_at, id", EscalationStore::alert, incidentKey);
    }

    /** Firings whose condition ended since {@code since} and that nobody acknowledged: shown as resolved for a while. */
    List<EscalationAlert> resolvedSince(String incidentKey, Instant since) {
        return jdbc.query("select " + FIRING + " from escalation_firing where incident_key = ? and acknowledged_at is null"
                + " and resolved_at >= ? order by fired_at, id", EscalationStore::alert, incidentKey, odt(since));
    }

    /** Every firing still open (neither acknowledged nor resolved), with its firing key. */
    java.util.Map<String, EscalationAlert> openByKey() {
        java.util.Map<String, EscalationAlert> m = new java.util.LinkedHashMap<>();
        jdbc.query("select firing_key, " + FIRING + " from escalation_firing where acknowledged_at is null"
                + " and resolved_at is null order by id", rs -> {
                    m.put(rs.getString("firing_key"), alert(rs, 0));
                });
        return m;
    }

    /** The condition still holds at {@code at}; records what it says now. */
    void stillTrue(long id, String message, Instant at) {
        jdbc.update("update escalation_firing set current_message = ?, checked_at = ?, version = version + 1"
                + " where id = ? and resolved_at is null", clip(message), odt(at), id);
    }

    /** The episode's condition holds again after it had ended (and nobody acknowledged it); true when reopened. */
    boolean reopen(String firingKey, String message, Instant at) {
        return jdbc.update("update escalation_firing set resolved_at = null, current_message = ?, checked_at = ?,"
                + " version = version + 1 where firing_key = ? and resolved_at is not null and acknowledged_at is null",
                clip(message), odt(at), firingKey) == 1;
    }

    /** The condition ended; true when this call resolved it. */
    boolean resolve(long id, String message, Instant at) {
        return jdbc.update("update escalation_firing set resolved_at = ?, current_message = ?, checked_at = ?,"
                + " version = version + 1 where id = ? and resolved_at is null", odt(at), clip(message), odt(at), id) == 1;
    }

    static String clip(String message) {
        return message.length() > 500 ? message.substring(0, 499) + "…" : message;
    }

    boolean acknowledge(long id, String by, Instant at) {
        return jdbc.update("update escalation_firing set acknowledged_by = ?, acknowledged_at = ?, version = version + 1"
                + " where id = ? and acknowledged_at is null", by, odt(at), id) == 1;
    }

    private static EscalationRuleView rule(ResultSet rs, int i) throws SQLException {
        return new EscalationRuleView(rs.getLong("id"), rs.getString("incident_key"), rs.getString("phase_key"),
                rs.getString("rule_text"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static EscalationAlert alert(ResultSet rs, int i) throws SQLException {
        return new EscalationAlert(rs.getLong("id"), rs.getString("incident_key"), rs.getString("phase_key"),
                rs.getString("rule_text"), rs.getString("message"), instant(rs, "fired_at"),
                rs.getString("acknowledged_by"), instant(rs, "acknowledged_at"), rs.getString("current_message"),
                java.util.Objects.requireNonNull(instant(rs, "checked_at")), instant(rs, "resolved_at"));
    }
}
