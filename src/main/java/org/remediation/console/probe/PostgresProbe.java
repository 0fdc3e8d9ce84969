package org.remediation.console.probe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.Driver;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL: JDBC connect time and query time measured separately, each bounded by the timeout
 * (driver connect/login/socket timeouts plus the statement's query timeout).
 *
 * <p>A probe must never change the database it watches, even when pointed at the console's own
 * database with the console's own role (issue 16): the query is one statement, run in a read-only
 * transaction that is pinned read-only before it runs (a first statement takes the snapshot, after
 * which PostgreSQL refuses {@code SET TRANSACTION READ WRITE}), with {@code statement_timeout} set to
 * the probe's timeout, and always rolled back. The database name is an identifier passed as a
 * connection property, never spliced into the URL, and the driver's sockets obey the egress policy.
 */
@Component
public class PostgresProbe implements Probe {

    private static final Driver DRIVER = new Driver();
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9_.:-]+");

    /** True when the text holds more than one statement (any ';' before trailing blanks and semicolons). */
    static boolean severalStatements(String query) {
        return query.replaceAll("[\\s;]+$", "").contains(";");
    }

    private static String hostInUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

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
        String database = s.get("database");
        p.check(database == null || database.isBlank() || DATABASE.matcher(database.strip()).matches(), SettingRules.field("database"),
                "A database name is letters, digits, '_', '-' or '.', at most 63 characters (got '" + database + "').");
        SettingRules.credential(s, "user", true, p);
        SettingRules.credential(s, "password", false, p);
        String sslmode = s.get("sslmode");
        p.check(sslmode == null || sslmode.isBlank() || Set.of("disable", "allow", "prefer", "require", "verify-ca",
                "verify-full").contains(sslmode.strip()), SettingRules.field("sslmode"),
                "sslmode must be disable, allow, prefer, require, verify-ca or verify-full.");
        String query = s.get("query");
        p.check(query == null || query.length() <= 1000, SettingRules.field("query"), "The query is too long (max 1000 characters).");
        p.check(query == null || !severalStatements(query), SettingRules.field("query"),
                "The query must be one statement without ';' (it runs read-only, e.g. SELECT 1).");
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String setHost = req.setting("host", "127.0.0.1");
        // an IPv6 address is written in brackets in the settings; the URL gets them back below
        String host = setHost.startsWith("[") && setHost.endsWith("]") ? setHost.substring(1, setHost.length() - 1) : setHost;
        int port = req.intSetting("port", 5432);
        String what = "PostgreSQL at " + host + ":" + port;
        int seconds = (int) Math.max(1, (req.timeout().toMillis() + 999) / 1000);
        Properties props = new Properties();
        try {
            props.setProperty("user", req.secrets().apply(req.setting("user", "")));
            String pw = req.settings().get("password");
            // always set, empty without one: otherwise the driver reads the console's own ~/.pgpass (or
            // PGPASSFILE) and could send a password of the console to whatever host the target names
            props.setProperty("password", pw != null && !pw.isBlank() ? req.secrets().apply(pw.strip()) : "");
        } catch (IllegalStateException e) {
            return run.finish(Outcome.ERROR, "missing-credential", e.getMessage());
        }
        props.setProperty("connectTimeout", String.valueOf(seconds));
        props.setProperty("loginTimeout", String.valueOf(seconds));
        // a second past the statement timeout: the server's cancel (57014, a TIMEOUT) wins the race, and a
        // socket timeout that closed the connection first made the rollback fail and mask it (flaky ERROR)
        props.setProperty("socketTimeout", String.valueOf(seconds + 1));
        props.setProperty("sslmode", req.setting("sslmode", "prefer"));
        props.setProperty("ApplicationName", "remediation-console-probe");
        String database = req.setting("database", "postgres");
        String query = req.setting("query", "SELECT 1");
        if (!DATABASE.matcher(database).matches() || severalStatements(query) || !HOST.matcher(host).matches()) {
            // stored before these rules existed: refused here too, never run
            return run.finish(Outcome.ERROR, "refused", what + ": the database name, host or query breaks the probe's rules"
                    + " (one statement, no ';'); edit the target");
        }
        props.setProperty("PGDBNAME", database);
        props.setProperty("socketFactory", EgressSocketFactory.class.getName());
        props.setProperty(EgressSocketFactory.POLICY, req.egress().spec());
        try (Connection c = DRIVER.connect("jdbc:postgresql://" + hostInUrl(host) + ":" + port + "/", props)) {
            run.phase("connectMs");
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                try (PreparedStatement pin = c.prepareStatement("select set_config('statement_timeout', ?, true)")) {
                    pin.setString(1, req.timeout().toMillis() + "ms");
                    pin.executeQuery().close(); // takes the snapshot: from here the transaction cannot turn read-write
                }
                try (Statement st = c.createStatement()) {
                    st.setQueryTimeout(seconds);
                    try (ResultSet rs = st.executeQuery(query)) {
                        rs.next();
                    }
                }
            } finally {
                c.rollback();
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
