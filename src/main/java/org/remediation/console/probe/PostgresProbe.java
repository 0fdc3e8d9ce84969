package org.remediation.console.probe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL: JDBC connect time and query time measured separately, each bounded by the timeout
 * (driver connect/login/socket timeouts plus the statement's query timeout).
 */
@Component
public class PostgresProbe implements Probe {

    private static final Driver DRIVER = new Driver();

    @Override
    public ProbeKind kind() {
        return ProbeKind.POSTGRES;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("host", "port", "database", "user", "password", "query", "sslmode",
                "degradedAboveMs"), p);
        SettingRules.host(s, "host", p);
        SettingRules.port(s, "port", false, p);
        SettingRules.required(s, "database", p, "A database name");
        SettingRules.credential(s, "user", true, p);
        SettingRules.credential(s, "password", false, p);
        String sslmode = s.get("sslmode");
        p.check(sslmode == null || sslmode.isBlank() || Set.of("disable", "allow", "prefer", "require", "verify-ca",
                "verify-full").contains(sslmode.strip()), SettingRules.field("sslmode"),
                "sslmode must be disable, allow, prefer, require, verify-ca or verify-full.");
        String query = s.get("query");
        p.check(query == null || query.length() <= 1000, SettingRules.field("query"), "The query is too long (max 1000 characters).");
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String host = req.setting("host", "127.0.0.1");
        int port = req.intSetting("port", 5432);
        String what = "PostgreSQL at " + host + ":" + port;
        int seconds = (int) Math.max(1, (req.timeout().toMillis() + 999) / 1000);
        Properties props = new Properties();
        try {
            props.setProperty("user", req.secrets().apply(req.setting("user", "")));
            String pw = req.settings().get("password");
            if (pw != null && !pw.isBlank()) {
                props.setProperty("password", req.secrets().apply(pw.strip()));
            }
        } catch (IllegalStateException e) {
            return run.finish(Outcome.ERROR, "missing-credential", e.getMessage());
        }
        props.setProperty("connectTimeout", String.valueOf(seconds));
        props.setProperty("loginTimeout", String.valueOf(seconds));
        props.setProperty("socketTimeout", String.valueOf(seconds));
        props.setProperty("sslmode", req.setting("sslmode", "prefer"));
        props.setProperty("ApplicationName", "remediation-console-probe");
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + req.setting("database", "postgres");
        try (Connection c = DRIVER.connect(url, props)) {
            run.phase("connectMs");
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(seconds);
                try (ResultSet rs = st.executeQuery(req.setting("query", "SELECT 1"))) {
                    rs.next();
                }
            }
            run.phase("queryMs");
            return run.upUnless(run.elapsedMs(),
                    req.settings().containsKey("degradedAboveMs") ? req.intSetting("degradedAboveMs", 0) : null);
        } catch (Exception e) {
            boolean loginTimedOut = e.getCause() == null && String.valueOf(e.getMessage()).contains("timed out");
            if (e instanceof java.sql.SQLException sql && ("57014".equals(sql.getSQLState()) || loginTimedOut)) {
                return run.finish(Outcome.TIMEOUT, "timeout", what + (loginTimedOut ? ": no answer" : ": the query did not finish") + " within "
                        + req.timeout().toMillis() + " ms");
            }
            if (e instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && !sql.getSQLState().startsWith("08") && e.getCause() == null) {
                return run.finish(Outcome.DOWN, "sql-" + sql.getSQLState(), what + ": " + Failures.message(e));
            }
            return run.failed(e, what);
        }
    }
}
