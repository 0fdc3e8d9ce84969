package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remediation.console.cloud.Attributes.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;

/**
 * Every generated gcloud line, checked against gcloud's own argument rules. The Google Cloud CLI is
 * not installable here (no network beyond the package registries, and Debian's google-cloud-cli
 * package is not among them), so the rules are encoded below from gcloud's reference pages:
 * <ul>
 * <li>https://cloud.google.com/sdk/gcloud/reference/sql/instances/patch</li>
 * <li>https://cloud.google.com/sdk/gcloud/reference/compute/networks/vpc-access/connectors/update</li>
 * <li>https://cloud.google.com/sdk/gcloud/reference/run/services/update</li>
 * <li>https://cloud.google.com/sdk/gcloud/reference/run/services/update-traffic</li>
 * <li>https://cloud.google.com/sdk/gcloud/reference/compute/health-checks/update/http (and https, http2,
 * tcp, ssl, grpc)</li>
 * <li>https://cloud.google.com/sdk/gcloud/reference/topic/escaping (list/dict values with commas)</li>
 * <li>https://cloud.google.com/sdk/gcloud/reference (--project is a gcloud-wide flag)</li>
 * </ul>
 * Each line is split as a POSIX shell would, then held to its command's positional NAME, flag names,
 * location flag and list/dict syntax.
 */
class GcloudLineRulesTest {

    static final String PROJECT = "netra-staging";

    /** Where a command takes its location: --region (required), --global or --region (exactly one), or neither. */
    enum Location { REGION, GLOBAL_OR_REGION, NONE }

    record Rule(Location location, Set<String> flags, Set<String> listOrDictFlags, Set<String> bareFlags) {
    }

    static final Set<String> HC_COMMON = Set.of("--check-interval", "--timeout", "--healthy-threshold",
            "--unhealthy-threshold", "--description", "--enable-logging", "--port", "--port-name", "--use-serving-port",
            "--proxy-header", "--response");
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("sql instances patch", new Rule(Location.NONE, Set.of("--tier", "--database-flags",
                "--clear-database-flags", "--async"), Set.of("--database-flags"), Set.of("--clear-database-flags", "--async")));
        RULES.put("compute networks vpc-access connectors update", new Rule(Location.REGION, Set.of("--min-instances",
                "--max-instances", "--machine-type", "--min-throughput", "--max-throughput"), Set.of(), Set.of()));
        RULES.put("compute networks vpc-access connectors create", new Rule(Location.REGION, Set.of("--network", "--range",
                "--subnet", "--machine-type", "--min-instances", "--max-instances"), Set.of(), Set.of()));
        RULES.put("compute networks vpc-access connectors delete", new Rule(Location.REGION, Set.of(), Set.of(), Set.of()));
        RULES.put("run services update", new Rule(Location.REGION, Set.of("--memory", "--cpu", "--timeout",
                "--min-instances", "--max-instances", "--update-env-vars", "--remove-env-vars", "--startup-probe",
                "--vpc-connector"),
                Set.of("--update-env-vars", "--remove-env-vars", "--startup-probe"), Set.of()));
        RULES.put("run services update-traffic", new Rule(Location.REGION, Set.of("--to-latest", "--to-revisions",
                "--to-tags", "--update-tags"), Set.of("--to-revisions", "--to-tags", "--update-tags"), Set.of("--to-latest")));
        for (String p : List.of("http", "https", "http2")) {
            RULES.put("compute health-checks update " + p, new Rule(Location.GLOBAL_OR_REGION, union(HC_COMMON,
                    Set.of("--request-path", "--host")), Set.of(), Set.of("--use-serving-port", "--enable-logging")));
        }
        for (String p : List.of("tcp", "ssl")) {
            RULES.put("compute health-checks update " + p, new Rule(Location.GLOBAL_OR_REGION, union(HC_COMMON,
                    Set.of("--request")), Set.of(), Set.of("--use-serving-port", "--enable-logging")));
        }
        RULES.put("compute health-checks update grpc", new Rule(Location.GLOBAL_OR_REGION, union(Set.of("--check-interval",
                "--timeout", "--healthy-threshold", "--unhealthy-threshold", "--description", "--enable-logging", "--port",
                "--port-name", "--use-serving-port"), Set.of("--grpc-service-name")), Set.of(),
                Set.of("--use-serving-port", "--enable-logging")));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** A parsed line: the command, its NAME, and each flag's value (null for a flag without one). */
    record Parsed(String command, String name, Map<String, String> flags) {
    }

    /** Splits as a POSIX shell does for what GcloudLine writes: bare words and single-quoted parts. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                assertThat(end).as("unterminated quote in " + line).isPositive();
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                i = end;
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                }
                word = null;
            } else if (c == '\\' && i + 1 < line.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else {
                assertThat("\"$`*?[]()<>|;&#~!{}".indexOf(c)).as("unquoted shell character '" + c + "' in " + line)
                        .isNegative();
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** Checks the line against its command's rules and returns it parsed. */
    static Parsed check(String line, @org.jspecify.annotations.Nullable String expectedName) {
        List<String> words = shellWords(line);
        assertThat(words.getFirst()).isEqualTo("gcloud");
        String command = RULES.keySet().stream().filter(c -> String.join(" ", words).startsWith("gcloud " + c + " "))
                .max(java.util.Comparator.comparingInt(String::length))
                .orElseThrow(() -> new AssertionError("not a command these rules know: " + line));
        Rule rule = RULES.get(command);
        int at = 1 + command.split(" ").length;
        String name = words.get(at);
        assertThat(name).as("positional NAME in " + line).doesNotStartWith("-");
        if (expectedName != null) {
            assertThat(name).as("positional NAME in " + line).isEqualTo(expectedName);
        }
        Map<String, String> flags = new TreeMap<>();
        for (String w : words.subList(at + 1, words.size())) {
            assertThat(w).as("only flags follow NAME: " + line).startsWith("--");
            int eq = w.indexOf('=');
            String flag = eq < 0 ? w : w.substring(0, eq);
            assertThat(flags).as("flag given twice: " + flag).doesNotContainKey(flag);
            flags.put(flag, eq < 0 ? null : w.substring(eq + 1));
            boolean known = rule.flags().contains(flag) || flag.equals("--project") || flag.equals("--global")
                    || flag.equals("--region");
            assertThat(known).as(flag + " is not a flag of gcloud " + command).isTrue();
            boolean bare = rule.bareFlags().contains(flag) || flag.equals("--global");
            assertThat(eq < 0).as(flag + (bare ? " takes no value" : " needs =VALUE")).isEqualTo(bare);
        }
        assertThat(flags.get("--project")).as("--project in " + line).isEqualTo(PROJECT);
        switch (rule.location()) {
            case REGION -> assertThat(flags).containsKey("--region").doesNotContainKey("--global");
            case GLOBAL_OR_REGION -> assertThat(flags.containsKey("--global") ^ flags.containsKey("--region"))
                    .as("exactly one of --global, --region: " + line).isTrue();
            case NONE -> assertThat(flags).doesNotContainKeys("--region", "--global");
        }
        rule.listOrDictFlags().stream().filter(flags::containsKey).forEach(f -> items(flags.get(f)));
        return new Parsed(command, name, flags);
    }

    /** A list/dict value as gcloud splits it: on ',' or, after a leading ^DELIM^, on DELIM. */
    static List<String> items(String value) {
        if (value.startsWith("^") && value.indexOf('^', 1) > 1) {
            int end = value.indexOf('^', 1);
            return List.of(value.substring(end + 1).split(java.util.regex.Pattern.quote(value.substring(1, end)), -1));
        }
        return List.of(value.split(",", -1));
    }

    static Map<String, String> dict(String value) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String item : items(value)) {
            int eq = item.indexOf('=');
            assertThat(eq).as("dict item without '=': " + item).isPositive();
            m.put(item.substring(0, eq), item.substring(eq + 1));
        }
        return m;
    }

    static ResourceState state(ResourceKind kind, String location, String name, String... kv) {
        Map<String, String> a = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            a.put(kv[i], kv[i + 1]);
        }
        return new ResourceState(new ResourceRef(kind, location, name), a, Instant.parse("2026-11-30T08:00:00Z"));
    }

    static ResourceState healthCheck(String location, String protocol) {
        ResourceState s = state(ResourceKind.HEALTH_CHECK, location, "netra-backend-hc", STATE, "READY",
                CHECK_INTERVAL_SECONDS, "5", CHECK_TIMEOUT_SECONDS, "5", HEALTHY_THRESHOLD, "2", UNHEALTHY_THRESHOLD, "2",
                PROTOCOL, protocol, PORT, "8080");
        if (List.of("HTTP", "HTTPS", "HTTP2").contains(protocol)) {
            Map<String, String> a = new TreeMap<>(s.attributes());
            a.put(REQUEST_PATH, "/health");
            return new ResourceState(s.ref(), a, s.readAt());
        }
        return s;
    }

    /** A live state and valid parameters for each action kind (a new kind must add its case). */
    static Map.Entry<ResourceState, Map<String, String>> example(ActionKind kind) {
        return switch (kind) {
            case SCALE_CONNECTOR -> Map.entry(state(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector",
                    STATE, "READY", MACHINE_TYPE, "e2-micro", MIN_INSTANCES, "2", MAX_INSTANCES, "3"),
                    Map.of(MIN_INSTANCES, "3", MAX_INSTANCES, "10"));
            case SQL_TIER -> Map.entry(sql(), Map.of(TIER, "db-custom-4-15360"));
            case SQL_FLAG -> Map.entry(sql(), Map.of("flag", "max_connections", "value", "500"));
            case RUN_RESOURCES -> Map.entry(run(), Map.of(MEMORY, "1Gi", TIMEOUT_SECONDS, "600"));
            case RUN_TRAFFIC -> Map.entry(run(), Map.of("revision", "netra-backend-00001", "percent", "50"));
            case HEALTH_CHECK -> Map.entry(healthCheck("global", "HTTP"), Map.of(UNHEALTHY_THRESHOLD, "3"));
            case HEALTH_CHECK_TARGET -> Map.entry(healthCheck("global", "HTTP"),
                    Map.of(REQUEST_PATH, "/health/basic", PORT, "8000"));
            case RUN_ENV -> Map.entry(run(), Map.of("set", "CLOUD_SQL_CONNECTIONS_TIMEOUT=600,DB_CONNECTION_TIMEOUT=600",
                    "remove", "OLD_FLAG", "sendAllTraffic", "true"));
            case CONNECTOR_REPLACE -> Map.entry(connector(), Map.of("connector", "staging-connector-2",
                    "ipCidrRange", "10.166.240.0/28", "services", "netra-backend,netra-auth"));
            case CONNECTOR_DELETE -> Map.entry(connector(), Map.of("confirm", "staging-connector"));
            case RUN_STARTUP_PROBE -> Map.entry(run(), Map.of("type", "HTTP", "path", "/health/basic", "port", "8000",
                    "initialDelaySeconds", "30", "periodSeconds", "20", "timeoutSeconds", "5", "failureThreshold", "10"));
        };
    }

    static ResourceState connector() {
        return state(ResourceKind.VPC_CONNECTOR, "us-central1", "staging-connector", STATE, "READY", NETWORK, "default",
                IP_CIDR_RANGE, "10.8.0.0/28", MACHINE_TYPE, "e2-micro", MIN_INSTANCES, "2", MAX_INSTANCES, "3");
    }

    /** pgaudit.log holds a comma-separated list: the flag list needs gcloud's delimiter override. */
    static ResourceState sql() {
        return state(ResourceKind.SQL_INSTANCE, "us-central1", "netra-staging-db", STATE, "RUNNABLE",
                TIER, "db-custom-2-7680", DATABASE_VERSION, "POSTGRES_15", FLAG_PREFIX + "max_connections", "100",
                FLAG_PREFIX + "pgaudit.log", "read,write");
    }

    /** Pinned to a named revision (so sendAllTraffic adds an update-traffic command), with plain variables and a TCP probe. */
    static ResourceState run() {
        return state(ResourceKind.RUN_SERVICE, "us-central1", "netra-backend", STATE, "READY", MEMORY, "512Mi", CPU, "1",
                TIMEOUT_SECONDS, "300", MIN_INSTANCES, "1", MAX_INSTANCES, "10", REVISIONS,
                "netra-backend-00001,netra-backend-00002", LATEST_READY_REVISION, "netra-backend-00002", TRAFFIC,
                "netra-backend-00002=100", RECONCILING, "false", ENV_PREFIX + "OLD_FLAG", "1",
                PROBE_TYPE, "TCP", PROBE_PORT, "8080", PROBE_INITIAL_DELAY, "0", PROBE_PERIOD, "240", PROBE_TIMEOUT, "240",
                PROBE_FAILURE_THRESHOLD, "1");
    }

    static String line(ActionKind kind, ResourceState live, Map<String, String> params) {
        RemediationAction action = ActionCatalog.standard().get(kind);
        return action.preview(live, action.validate(params, live), PROJECT).gcloud();
    }

    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void everyActionsLineKeepsGcloudsRules(ActionKind kind) {
        Map.Entry<ResourceState, Map<String, String>> ex = example(kind);
        // one command, or several joined by '&&' (an update, then moving traffic): each keeps the rules
        // a connector replacement names the new connector and each moved service, not the old connector
        String name = kind == ActionKind.CONNECTOR_REPLACE ? null : ex.getKey().ref().name();
        for (String command : line(kind, ex.getKey(), ex.getValue()).split(" && ")) {
            check(command, name);
        }
    }

    @Test
    void sendingAllTrafficAddsAnUpdateTrafficCommandWithItsOwnProject() {
        Map.Entry<ResourceState, Map<String, String>> ex = example(ActionKind.RUN_ENV);
        String[] commands = line(ActionKind.RUN_ENV, ex.getKey(), ex.getValue()).split(" && ");
        assertThat(commands).hasSize(2);
        assertThat(dict(check(commands[0], "netra-backend").flags().get("--update-env-vars"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("CLOUD_SQL_CONNECTIONS_TIMEOUT", "600", "DB_CONNECTION_TIMEOUT", "600"));
        assertThat(check(commands[0], "netra-backend").flags()).containsEntry("--remove-env-vars", "OLD_FLAG");
        assertThat(check(commands[1], "netra-backend").command()).isEqualTo("run services update-traffic");
    }

    @Test
    void theFlagListWithACommaValueUsesAnAlternateDelimiterAndKeepsEveryFlag() {
        String line = line(ActionKind.SQL_FLAG, sql(), Map.of("flag", "max_connections", "value", "500"));
        assertThat(dict(check(line, "netra-staging-db").flags().get("--database-flags")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("max_connections", "500", "pgaudit.log", "read,write"));
    }

    @Test
    void theDelimiterAvoidsCharactersTheValuesHold() {
        String line = GcloudLine.command("sql", "instances", "patch").name("netra-staging-db")
                .dict("--database-flags", Map.of("search_path", "a:b,c", "max_connections", "100")).render(PROJECT);
        assertThat(dict(check(line, "netra-staging-db").flags().get("--database-flags")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("search_path", "a:b,c", "max_connections", "100"));
    }

    @Test
    void aFlagWithoutValueIsWrittenAsNameEquals() {
        Map<String, String> a = new TreeMap<>(sql().attributes());
        a.put(FLAG_PREFIX + "skip_grant_tables", FLAG_SET_WITHOUT_VALUE);
        ResourceState live = new ResourceState(sql().ref(), a, sql().readAt());
        String line = line(ActionKind.SQL_FLAG, live, Map.of("flag", "max_connections", "value", "500"));
        assertThat(dict(check(line, "netra-staging-db").flags().get("--database-flags"))).containsEntry("skip_grant_tables", "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TCP", "SSL", "HTTP", "HTTPS", "HTTP2", "GRPC"})
    void healthCheckLinesUseTheChecksProtocol(String protocol) {
        for (String location : List.of("global", "us-central1")) {
            ResourceState live = healthCheck(location, protocol);
            Parsed timing = check(line(ActionKind.HEALTH_CHECK, live, Map.of(CHECK_INTERVAL_SECONDS, "10")), live.ref().name());
            assertThat(timing.command()).isEqualTo("compute health-checks update " + protocol.toLowerCase());
            Map<String, String> target = protocol.startsWith("HTTP") ? Map.of(REQUEST_PATH, "/health/basic", PORT, "8000")
                    : Map.of(PORT, "8000");
            Parsed port = check(line(ActionKind.HEALTH_CHECK_TARGET, live, target), live.ref().name());
            assertThat(port.flags()).containsEntry("--port", "8000");
        }
    }

    @Test
    void aPathThatAShellWouldSplitIsQuotedAndArrivesWhole() {
        String path = "/health/it's;a&b$c";
        String line = line(ActionKind.HEALTH_CHECK_TARGET, healthCheck("global", "HTTP"), Map.of(REQUEST_PATH, path));
        assertThat(check(line, "netra-backend-hc").flags()).containsEntry("--request-path", path);
    }

    @Test
    void trafficToTheLatestRevisionIsABareFlag() {
        ResourceState live = run();
        Map<String, String> a = new TreeMap<>(live.attributes());
        a.put(TRAFFIC, "netra-backend-00001=100");
        ResourceState pinned = new ResourceState(live.ref(), a, live.readAt());
        String line = line(ActionKind.RUN_TRAFFIC, pinned, Map.of("revision", "LATEST"));
        assertThat(check(line, "netra-backend").flags()).containsKey("--to-latest").doesNotContainKey("--to-revisions");
    }
}
