package org.remediation.console.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;

/**
 * The bad-input flood: every case names the field its problem must be reported against and calls a
 * public service as the role that may use it. Gathered from the features' own corpora (actions,
 * probe targets, runbooks, criteria and escalation texts) plus accounts and teams.
 */
final class FloodCorpus {

    /** One bad input: what it is, the field the message must name, and the call. */
    record Case(String name, String field, java.util.function.Consumer<BadInputFloodTest.Services> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final ResourceRef CONNECTOR = new ResourceRef(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector");
    static final ResourceRef DATABASE = new ResourceRef(ResourceKind.SQL_INSTANCE, "us-central1", "netra-staging-db");
    static final ResourceRef HEALTH_CHECK = new ResourceRef(ResourceKind.HEALTH_CHECK, "global", "netra-backend-hc");
    static final ResourceRef BACKEND = new ResourceRef(ResourceKind.RUN_SERVICE, "us-central1", "netra-backend");

    static final Map<String, String> HTTP = Map.of("url", "http://127.0.0.1:8080/health");
    static final Map<String, String> TCP = Map.of("host", "127.0.0.1", "port", "5432");
    static final Map<String, String> PG = Map.of("host", "127.0.0.1", "database", "postgres", "user", "secret:probe-test-password");

    static final String INCIDENT = "flood-incident";
    static final String PHASE = "p1";

    private final List<Case> cases = new ArrayList<>();

    static List<Case> all() {
        FloodCorpus c = new FloodCorpus();
        c.actions();
        c.targets();
        FloodRunbooks.addTo(c);
        c.accounts();
        c.criteria();
        c.escalations();
        return List.copyOf(c.cases);
    }

    private void actions() {
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "5", "maxInstances", "50", "machineType", "e2-standard-8");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "machineType", "minInstances", "3", "maxInstances", "10", "machineType", "e2-standard-8");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "1", "maxInstances", "3");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "10", "maxInstances", "10");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "2", "maxInstances", "11");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "3", "maxInstances", "3");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "5", "maxInstances", "4");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "abc", "maxInstances", "5");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "3");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "maxInstances", "5");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "2", "maxInstances", "3");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "machineType", "minInstances", "2", "maxInstances", "4", "machineType", "n1-standard-1");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "bogus", "minInstances", "2", "maxInstances", "4", "bogus", "1");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "-1", "maxInstances", "4");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "2.5", "maxInstances", "4");
        act(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", " ", "maxInstances", "4");
        act(ActionKind.SCALE_CONNECTOR, DATABASE, "resource", "minInstances", "3", "maxInstances", "4");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-3-7680");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-7000");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-1024");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-16384");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-98-200704");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-n1-standard-1");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-7680");
        act(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "DB-CUSTOM-4-15360");
        act(ActionKind.SQL_TIER, DATABASE, "size", "tier", "db-custom-4-15360", "size", "large");
        act(ActionKind.SQL_TIER, HEALTH_CHECK, "resource", "tier", "db-custom-4-15360");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "10");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "262144");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "abc");
        act(ActionKind.SQL_FLAG, DATABASE, "flag", "flag", "shared_buffers", "value", "1");
        act(ActionKind.SQL_FLAG, DATABASE, "flag", "value", "200");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "100");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "work_mem", "value", "10");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "log_min_duration_statement", "value", "-2");
        act(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "1.5");
        act(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "64Mi");
        act(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "40Gi");
        act(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "4GB");
        act(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "8Gi");
        act(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "3");
        act(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "0.05");
        act(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "1.5");
        act(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "memory", "16Gi", "cpu", "2");
        act(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "memory", "1Gi", "cpu", "0.25");
        act(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "abc");
        act(ActionKind.RUN_RESOURCES, BACKEND, "timeoutSeconds", "timeoutSeconds", "0");
        act(ActionKind.RUN_RESOURCES, BACKEND, "timeoutSeconds", "timeoutSeconds", "3601");
        act(ActionKind.RUN_RESOURCES, BACKEND, "minInstances", "minInstances", "-1");
        act(ActionKind.RUN_RESOURCES, BACKEND, "maxInstances", "maxInstances", "0");
        act(ActionKind.RUN_RESOURCES, BACKEND, "maxInstances", "minInstances", "30");
        act(ActionKind.RUN_RESOURCES, BACKEND, "memory");
        act(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "2Gi");
        act(ActionKind.RUN_TRAFFIC, BACKEND, "revision", "revision", "netra-backend-00009");
        act(ActionKind.RUN_TRAFFIC, BACKEND, "revision");
        act(ActionKind.RUN_TRAFFIC, BACKEND, "percent", "revision", "netra-backend-00001", "percent", "0");
        act(ActionKind.RUN_TRAFFIC, BACKEND, "percent", "revision", "netra-backend-00001", "percent", "101");
        act(ActionKind.RUN_TRAFFIC, BACKEND, "revision", "revision", "LATEST");
        act(ActionKind.RUN_TRAFFIC, BACKEND, "percent", "revision", "netra-backend-00002", "percent", "50");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec", "checkIntervalSec", "0");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec", "checkIntervalSec", "301");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "timeoutSec", "timeoutSec", "10");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "timeoutSec", "checkIntervalSec", "3");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "healthyThreshold", "healthyThreshold", "0");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "unhealthyThreshold", "unhealthyThreshold", "11");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec", "healthyThreshold", "2");
        act(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "healthyThreshold", "healthyThreshold", "x");
        Map<String, String> ok = Map.of("minInstances", "3", "maxInstances", "10");
        add("action without a reason", "reason", s -> As.user("operator", Role.OPERATOR,
                () -> s.remediation().request(ActionDraft.of(ActionKind.SCALE_CONNECTOR, CONNECTOR, ok, " "))));
        add("action watch of -1 minutes", "watchMinutes", s -> As.user("operator", Role.OPERATOR,
                () -> s.remediation().request(new ActionDraft(ActionKind.SCALE_CONNECTOR, CONNECTOR, ok, "flood", null, null, null,
                        -1, List.of(), false))));
        add("action watching an unknown signal", "watchSignals", s -> As.user("operator", Role.OPERATOR,
                () -> s.remediation().request(new ActionDraft(ActionKind.SCALE_CONNECTOR, CONNECTOR, ok, "flood", null, null, null,
                        10, List.of("no-such-signal"), false))));
        // issue 16, item 5: an incident named to talk the approval rule down must exist and agree with the task
        add("action naming an unknown incident", "incidentKey", s -> As.user("operator", Role.OPERATOR,
                () -> s.remediation().request(ActionDraft.of(ActionKind.SCALE_CONNECTOR, CONNECTOR, ok, "flood")
                        .forIncident("INC-404404404"))));
        add("action asking for a severity that is none", "incidentSeverity", s -> As.user("operator", Role.OPERATOR,
                () -> s.remediation().request(ActionDraft.of(ActionKind.SCALE_CONNECTOR, CONNECTOR, ok, "flood")
                        .withIncident(null, "P9"))));
    }

    private void act(ActionKind kind, ResourceRef ref, String field, String... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        add("action " + kind.spec() + " " + ref.name() + " " + params, field, s -> As.user("operator", Role.OPERATOR,
                () -> s.remediation().request(ActionDraft.of(kind, ref, params, "flood: " + kind.spec()))));
    }

    private void targets() {
        target("settings.url", "HTTP", with(HTTP, "url", "not a url"));
        target("settings.url", "HTTP", with(HTTP, "url", "ftp://example.org/file"));
        target("settings.url", "HTTP", with(HTTP, "url", "http://"));
        target("settings.url", "HTTP", with(HTTP, "url", null));
        target("settings.url", "HTTP", with(HTTP, "url", "http://127.0.0.1:70000/"));
        target("settings.url", "HTTP", with(HTTP, "url", "ws://127.0.0.1/"));
        target("settings.method", "HTTP", with(HTTP, "method", "FETCH"));
        target("settings.expectedStatus", "HTTP", with(HTTP, "expectedStatus", "2xx"));
        target("settings.expectedStatus", "HTTP", with(HTTP, "expectedStatus", "700"));
        target("settings.expectedStatus", "HTTP", with(HTTP, "expectedStatus", "299-200"));
        target("settings.bodyRegex", "HTTP", with(HTTP, "bodyRegex", "([unclosed"));
        target("settings.headers", "HTTP", with(HTTP, "headers", "no colon here"));
        target("settings.degradedAboveMs", "HTTP", with(HTTP, "degradedAboveMs", "-5"));
        target("settings.degradedAboveMs", "HTTP", with(HTTP, "degradedAboveMs", "fast"));
        target("settings.insecure", "HTTP", with(HTTP, "insecure", "maybe"));
        target("settings.colour", "HTTP", with(HTTP, "colour", "blue"));
        target("settings.port", "TCP", with(TCP, "port", "0"));
        target("settings.port", "TCP", with(TCP, "port", "70000"));
        target("settings.port", "TCP", with(TCP, "port", "http"));
        target("settings.port", "TCP", with(TCP, "port", null));
        target("settings.host", "TCP", with(TCP, "host", ""));
        target("settings.host", "TCP", with(TCP, "host", "bad host!"));
        target("settings.password", "REDIS", Map.of("host", "127.0.0.1", "password", "hunter2"));
        target("settings.password", "REDIS", Map.of("host", "127.0.0.1", "password", "secret:missing-one"));
        target("settings.password", "REDIS", Map.of("host", "127.0.0.1", "password", "env:PROBE_NO_SUCH_VARIABLE"));
        // hostile (issue 16): the metadata server, the console's own secrets, a write through a POSTGRES probe
        target("settings.url", "HTTP", with(HTTP, "url", "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token"));
        target("settings.url", "HTTP", with(HTTP, "url", "http://metadata.google.internal/computeMetadata/v1/"));
        target("settings.headers", "HTTP", with(HTTP, "headers", "Metadata-Flavor: Google"));
        target("settings.headers", "HTTP", with(HTTP, "headers", "Authorization: env:DATABASE_PASSWORD"));
        target("settings.host", "TCP", with(TCP, "host", "169.254.169.254"));
        target("settings.host", "TCP", with(TCP, "host", "[fe80::1]"));
        target("settings.query", "POSTGRES", with(PG, "query", "SELECT 1; ALTER TABLE audit_event DISABLE TRIGGER ALL"));
        target("settings.database", "POSTGRES", with(PG, "database", "postgres?socketFactory=evil.Factory"));
        target("settings.tls", "REDIS", Map.of("host", "127.0.0.1", "tls", "yes"));
        target("settings.user", "POSTGRES", with(PG, "user", null));
        target("settings.user", "POSTGRES", with(PG, "user", "postgres"));
        target("settings.database", "POSTGRES", with(PG, "database", null));
        target("settings.sslmode", "POSTGRES", with(PG, "sslmode", "always"));
        target("settings.name", "DNS", Map.of());
        target("settings.name", "DNS", Map.of("name", "bad name!"));
        target("settings.type", "DNS", Map.of("name", "localhost", "type", "MX"));
        target("settings.warnDays", "TLS", Map.of("host", "127.0.0.1", "warnDays", "-1"));
        target("settings.url", "WEBSOCKET", Map.of("url", "http://127.0.0.1/ws"));
        target("settings.expectContains", "WEBSOCKET", Map.of("url", "ws://127.0.0.1/ws", "expectContains", "pong"));
        target("kind", "SMOKE_SIGNAL", HTTP);
        target("kind", "", HTTP);
        target("key", o -> d(o, "", o.name(), o.kind(), o.interval(), o.timeout(), o.group(), null));
        target("key", o -> d(o, "Bad Key!", o.name(), o.kind(), o.interval(), o.timeout(), o.group(), null));
        target("name", o -> d(o, o.key(), " ", o.kind(), o.interval(), o.timeout(), o.group(), null));
        target("interval", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(-10), Duration.ofSeconds(1), o.group(), null));
        target("interval", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofMillis(500), Duration.ofMillis(100), o.group(), null));
        target("interval", o -> d(o, o.key(), o.name(), o.kind(), null, o.timeout(), o.group(), null));
        target("interval", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofDays(2), o.timeout(), o.group(), null));
        target("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), Duration.ofSeconds(30), o.group(), null));
        target("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), Duration.ofSeconds(10), o.group(), null));
        target("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), Duration.ZERO, o.group(), null));
        target("timeout", o -> d(o, o.key(), o.name(), o.kind(), Duration.ofSeconds(10), null, o.group(), null));
        target("group", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), "", null));
        target("group", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), "Back End", null));
        target("goldenPath", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), o.group(), 0));
        target("goldenPath", o -> d(o, o.key(), o.name(), o.kind(), o.interval(), o.timeout(), o.group(), 6));
    }

    private static TargetDraft draft(String kind, Map<String, String> settings) {
        return new TargetDraft("flood-" + UUID.randomUUID().toString().substring(0, 8), "Target", kind, settings,
                Duration.ofSeconds(10), Duration.ofSeconds(2), true, "backend", null);
    }

    private static Map<String, String> with(Map<String, String> base, String... kv) {
        Map<String, String> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                m.remove(kv[i]);
            } else {
                m.put(kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    private static TargetDraft d(TargetDraft o, String key, String name, String kind, Duration interval, Duration timeout,
                                 String group, Integer golden) {
        return new TargetDraft(key, name, kind, o.settings(), interval, timeout, o.enabled(), group, golden);
    }

    private void target(String field, String kind, Map<String, String> settings) {
        TargetDraft d = draft(kind, settings);
        add("probe target " + kind + " " + settings, field, s -> As.user("admin", Role.ADMIN, () -> s.targets().create(d)));
    }

    private void target(String field, UnaryOperator<TargetDraft> change) {
        TargetDraft d = change.apply(draft("HTTP", HTTP));
        add("probe target " + d, field, s -> As.user("admin", Role.ADMIN, () -> s.targets().create(d)));
    }

    private void accounts() {
        user("username", null, "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "", "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "ab", "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "1flood", "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "Flood User", "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "f" + "x".repeat(32), "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "flood;drop", "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("username", "admin", "Flood", "Flood-password-2026", Set.of(Role.VIEWER));
        user("displayName", "flood-a", null, "Flood-password-2026", Set.of(Role.VIEWER));
        user("displayName", "flood-b", "   ", "Flood-password-2026", Set.of(Role.VIEWER));
        user("displayName", "flood-c", "x".repeat(121), "Flood-password-2026", Set.of(Role.VIEWER));
        user("password", "flood-d", "Flood", null, Set.of(Role.VIEWER));
        user("password", "flood-e", "Flood", "short1", Set.of(Role.VIEWER));
        user("password", "flood-f", "Flood", "onlylettersherefortoday", Set.of(Role.VIEWER));
        user("password", "flood-g", "Flood", "123456789012345", Set.of(Role.VIEWER));
        user("password", "flood-h", "Flood", "Password1234", Set.of(Role.VIEWER));
        user("password", "flood-i", "Flood", "my-flood-i-password-1", Set.of(Role.VIEWER));
        user("password", "flood-j", "Flood", "a1".repeat(65), Set.of(Role.VIEWER));
        user("roles", "flood-k", "Flood", "Flood-password-2026", null);
        user("roles", "flood-l", "Flood", "Flood-password-2026", Set.of());
        user("roles", "flood-m", "Flood", "Flood-password-2026", Set.of(Role.METRICS, Role.VIEWER)); // issue 16, item 10
        for (String name : new String[] {null, "", "   ", "x", "y".repeat(81), "Bad<Team>", "Team;drop", "Infrastructure"}) {
            add("team named '" + name + "'", "name", s -> As.user("admin", Role.ADMIN, () -> s.users().createTeam(name)));
        }
        add("team update of an unknown team", "name", s -> As.user("admin", Role.ADMIN,
                () -> s.users().updateTeam("No Such Team", Set.of(), null)));
        add("team with an unknown member", "members", s -> As.user("admin", Role.ADMIN,
                () -> s.users().updateTeam("QA", Set.of("nobody-here"), null)));
        add("team lead who is not a member", "lead", s -> As.user("admin", Role.ADMIN,
                () -> s.users().updateTeam("QA", Set.of("viewer"), "responder")));
    }

    private void user(String field, String username, String displayName, String password, Set<Role> roles) {
        add("user " + field + " '" + username + "'", field, s -> As.user("admin", Role.ADMIN,
                () -> s.users().createUser(username, displayName, password, roles)));
    }

    private void criteria() {
        for (String text : List.of(
            "",
            "   ",
            "backend-health",
            "backend-health p95",
            "backend-health p95 ~ 1000",
            "backend-health p95 <",
            "backend-health p95 < fast",
            "backend-health p95 < 1000 kg",
            "backend-health p95 < 1000 ms over",
            "backend-health p95 < 1000 ms over 15 minutes",
            "backend-health p95 < 1000 ms over 0m",
            "backend-health p95 < 1000 ms over 30d",
            "backend-health p95 < 1000 ms min 0",
            "backend-health p95 < 1000 ms min 2.5",
            "backend-health p95 < 1000 ms over 15m over 5m",
            "backend-health p95 < 1000 ms please",
            "redis success-rate = 101 %",
            "redis success-rate = 100 ms",
            "redis success-rate = -1 %",
            "connector state < READY",
            "connector state =",
            "connector state = READY now",
            "connector state",
            "frontend all up",
            "group",
            "group over p95 < 1",
            "golden-path all",
            "backend-health up-for >= 30",
            "backend-health up-for 30m",
            "backend-health up now",
            "backend-health p95 < 1.2.3 ms",
            "p95 < 1000 ms",
            "manual:",
            "> 5",
            // issue 18: a metric's grammar on a probe of calls
            "backend-health count < 1 per 1h",
            "backend-health max < 70 % over 15m")) {
            add("criterion text '" + text + "'", "criteria[0].text", s -> As.user("commander", Role.COMMANDER,
                    () -> s.criteria().defineCriteria(INCIDENT, PHASE, List.of(new CriterionDefinition("c1", "Flood", text)))));
        }
        add("criterion key with spaces", "criteria[0].key", s -> As.user("commander", Role.COMMANDER,
                () -> s.criteria().defineCriteria(INCIDENT, PHASE, List.of(new CriterionDefinition("bad key!", "Flood", "frontend up")))));
        add("criterion key twice", "criteria[1].key", s -> As.user("commander", Role.COMMANDER,
                () -> s.criteria().defineCriteria(INCIDENT, PHASE, List.of(new CriterionDefinition("c1", "A", "frontend up"),
                        new CriterionDefinition("c1", "B", "auth up")))));
        add("criterion incident key with spaces", "incidentKey", s -> As.user("commander", Role.COMMANDER,
                () -> s.criteria().defineCriteria("bad incident!", PHASE, List.of(new CriterionDefinition("c1", "A", "frontend up")))));
        add("criterion phase key with spaces", "phaseKey", s -> As.user("commander", Role.COMMANDER,
                () -> s.criteria().defineCriteria(INCIDENT, "bad phase!", List.of(new CriterionDefinition("c1", "A", "frontend up")))));
    }

    private void escalations() {
        for (String text : List.of(
            "",
            "escalate when bad",
            "phase overran",
            "phase overran its budget",
            "criterion",
            "criterion x still met 5m after phase start",
            "criterion x still not met after phase start",
            "criterion x still not met 5 after phase start",
            "criterion x still not met 5m before phase start",
            "criterion x still not met 5m after phase end",
            "criterion x regressed",
            "criterion x got worse",
            "criterion x regressed after being met again")) {
            add("escalation rule '" + text + "'", "rules[0]", s -> As.user("commander", Role.COMMANDER,
                    () -> s.escalations().defineRules(INCIDENT, PHASE, List.of(text))));
        }
        add("escalation on an unknown criterion", "rules[0]", s -> As.user("commander", Role.COMMANDER,
                () -> s.escalations().defineRules(INCIDENT, PHASE, List.of("criterion no-such-one regressed after being met"))));
        add("escalation needing a phase at incident level", "rules[0]", s -> As.user("commander", Role.COMMANDER,
                () -> s.escalations().defineRules(INCIDENT, null, List.of("phase overran its window"))));
    }

    void add(String name, String field, java.util.function.Consumer<BadInputFloodTest.Services> call) {
        cases.add(new Case(name, field, call));
    }
}
