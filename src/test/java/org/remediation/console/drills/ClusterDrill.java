package org.remediation.console.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.remediation.console.e2e.Browser;
import org.remediation.console.support.ApiCalls;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster drill (issue 20), run by .ci/run after the PostgreSQL suite, not by {@code ./mvnw test} (no Test
 * suffix): {@code ./mvnw surefire:test -Dtest=ClusterDrill} after {@code ./mvnw -DskipTests package}.
 * Three consoles from the packaged jar behind HAProxy ({@code cluster/local-cluster.sh}) on a fresh database;
 * 300 HTTP targets at 2 s on a loopback server; every target runs exactly once per interval (counted from the
 * stored results and the server's own log); a browser pinned to the leader by HAProxy's cookie keeps its
 * session there; an approved sandbox action is executed on the leader (which also tracks it), and the leader is
 * then killed with SIGKILL while the action runs; the pinned browser is sent to a live node, the others take
 * the leader's targets and jobs over without running any target twice, and the action ends once; a tick on
 * one surviving node reaches the checklist open on the other. Time bounds are generous: the
 * drill asserts correctness; takeover and cross-node delay are printed, and measured by the benchmark.
 */
class ClusterDrill {

    private static final int TARGETS = 300;
    private static final long INTERVAL = 2_000;
    private static final Duration SETTLE = Duration.ofSeconds(8);
    private static final Duration STEADY = Duration.ofSeconds(24);
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(60);
    /** Slots a target of the killed node may miss: the 15 s takeover at 2 s. */
    private static final int MAX_MISSED = 8;
    private static final String RESOURCE = "SQL_INSTANCE/us-central1/netra-staging-db";
    private static final String INCIDENT = "DRILL-20";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void threeConsolesRunEveryProbeOnceSurviveAKillAndCarryATickAcross() throws Exception {
        long began = System.nanoTime();
        Map<String, String> settings = new HashMap<>();
        // small heaps, C1 only: three consoles, PostgreSQL, HAProxy and two Chromiums share two cores
        settings.put("CLUSTER_JAVA_OPTS", "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        settings.put("CONSOLE_SANDBOX_OPERATIONDURATION", "20s");
        settings.put("CONSOLE_REMEDIATION_POLLINTERVAL", "500ms");
        List<String> keys = IntStream.range(0, TARGETS).mapToObj(i -> String.format("drill-%03d", i)).toList();
        try (TargetEcho echo = new TargetEcho();
             LocalCluster cluster = LocalCluster.start(Path.of("target", "cluster-drill").toAbsolutePath(), settings);
             Connection db = cluster.connect()) {
            double startedSeconds = (System.nanoTime() - began) / 1e9;
            ApiCalls lb = new ApiCalls(cluster.balancerPort());
            DrillAccounts.person(db, "drill-operator", "OPERATOR");
            DrillAccounts.person(db, "drill-commander", "COMMANDER");
            String admin = DrillAccounts.token(db, LocalCluster.ADMIN, "ADMIN");
            String operator = DrillAccounts.token(db, "drill-operator", "OPERATOR");
            String commander = DrillAccounts.token(db, "drill-commander", "COMMANDER");

            expect(lb.post("/api/v1/runbooks?incidentKey=" + INCIDENT, commander, "application/yaml", RUNBOOK), 201);
            expect(lb.put("/api/v1/probe-targets", admin, "application/yaml", targets(keys, echo)), 200);
            long imported = System.currentTimeMillis();
            long steadyFrom = imported + SETTLE.toMillis();
            long steadyTo = steadyFrom + STEADY.toMillis();
            Thread.sleep(steadyTo - System.currentTimeMillis());

            // what each node says it holds: the killed node must have held probe partitions, or the drill
            // would kill a node with nothing to take over
            Map<Integer, String> shares = new LinkedHashMap<>();
            int victim = 0; // the leader: it tracks the running action and runs the once-only jobs
            for (int node = 1; node <= 3; node++) {
                JsonNode health = clusterHealth(new ApiCalls(cluster.port(node)), admin);
                shares.put(node, probeShare(health));
                victim = health.path("leader").asBoolean() ? node : victim;
            }
            assertThat(victim).as("a leader among the consoles: %s", shares).isPositive();
            int nodeA = victim == 1 ? 2 : 1;
            int nodeC = victim == 3 ? 2 : 3;
            // a browser the balancer pinned to node 2 by its cookie keeps its session there
            BalancerSession pinned = null;
            for (int i = 0; i < 9 && pinned == null; i++) {
                BalancerSession b = new BalancerSession(cluster.balancerPort());
                b.get("/login");
                pinned = ("node" + victim).equals(b.cookie("CONSOLE_NODE")) ? b : null;
            }
            assertThat(pinned).as("a browser pinned to node %d by the CONSOLE_NODE cookie", victim).isNotNull();
            String session = pinned.cookie("JSESSIONID");
            boolean sessionKept = true;
            for (int i = 0; i < 6; i++) {
                pinned.get("/login");
                sessionKept &= session != null && session.equals(pinned.cookie("JSESSIONID"));
            }
            // an action in flight on node 2: requested and executed by the operator, approved by the commander
            JsonNode requested = json(expect(lb.post("/api/v1/actions", operator, "application/json", """
                    {"kind": "sql-tier", "resource": "%s", "params": {"tier": "db-custom-4-15360"},
                     "reason": "cluster drill: in flight when its console is killed"}""".formatted(RESOURCE)), 201));
            long actionId = requested.path("id").asLong();
            if ("AWAITING_APPROVAL".equals(requested.path("status").asString())) {
                expect(lb.post("/api/v1/actions/" + actionId + "/approve", commander, "application/json", "{}"), 200);
            }
            expect(new ApiCalls(cluster.port(victim)).post("/api/v1/actions/" + actionId + "/execute", operator, "application/json", "{}"), 202);
            ApiCalls other = new ApiCalls(cluster.port(nodeA));
            waitUntil(Duration.ofSeconds(30), "action " + actionId + " RUNNING with its operation sent", () -> {
                JsonNode a = json(other.get("/api/v1/actions/" + actionId, operator));
                return "RUNNING".equals(a.path("status").asString()) && !a.path("operationId").isNull();
            });
            cluster.kill(victim);
            long killedAt = System.currentTimeMillis();

            int afterKill = pinned.get("/login"); // redispatched to a live console, which pins it anew
            String repinned = pinned.cookie("CONSOLE_NODE");
            // the steps below run to the end whatever they find, so that every figure is printed
            Long takeoverDone = within(TAKEOVER_BOUND, () -> count(db, "select count(distinct target_key) from probe_result"
                    + " where target_key like 'drill-%' and started_at > ?", new Timestamp(killedAt)) == TARGETS
                    ? System.currentTimeMillis() : null);
            double takeoverSeconds = takeoverDone == null ? Double.NaN : (takeoverDone - killedAt) / 1e3;
            long observedTo = System.currentTimeMillis() + 10_000;

            JsonNode last = json(lb.get("/api/v1/actions/" + actionId, operator));
            JsonNode action = java.util.Objects.requireNonNullElse(within(Duration.ofSeconds(120), () -> {
                JsonNode a = json(lb.get("/api/v1/actions/" + actionId, operator));
                return a.path("finished").asBoolean() ? a : null;
            }), last);
            double pushSeconds;
            String pushFailure = null;
            try {
                pushSeconds = tickAcross(cluster, db, nodeA, nodeC);
            } catch (RuntimeException e) {
                pushSeconds = Double.NaN;
                pushFailure = e.toString();
            }
            Thread.sleep(Math.max(0, observedTo - System.currentTimeMillis()) + 1_000); // + the last flush

            SlotCounts stored = new SlotCounts(INTERVAL);
            try (var q = db.prepareStatement("select target_key, started_at from probe_result where target_key like 'drill-%'");
                 var rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1), rs.getTimestamp(2).toInstant().toEpochMilli());
                }
            }
            SlotCounts served = new SlotCounts(INTERVAL);
            echo.hits().forEach(h -> served.add(h.key(), h.atMillis()));
            List<String> steadyWrong = stored.notExactlyOnce(keys, steadyFrom, steadyTo);
            List<String> servedWrong = served.notExactlyOnce(keys, steadyFrom, steadyTo);
            long longestGap = keys.stream().mapToLong(k -> stored.gapAcross(k, killedAt)).max().orElse(-1);
            int maxMissed = keys.stream().mapToInt(k -> stored.missed(k, killedAt - INTERVAL, observedTo)).max().orElse(0);
            long targetsMissing = keys.stream().filter(k -> stored.missed(k, killedAt - INTERVAL, observedTo) > 0).count();
            Map<String, Integer> trail = auditTrail(db, actionId);
            int operations = (int) count(db, "select count(*) from sandbox_operation where resource_ref = ? and started_at > ?",
                    RESOURCE, new Timestamp(imported));
            System.out.printf("cluster drill: 3 consoles ready after %.1f s; %d targets at %d s; steady %d s: %d slot(s) not run"
                            + " exactly once (stored), %d (server log); probe partitions held %s; leader node-%d; a browser pinned to it kept its session: %s; kill -9 node-%d (the browser then answered %d by %s): every target"
                            + " probed again after %.1f s, longest gap between two runs of a target across the kill %.1f s,"
                            + " at most %d slot(s) missed by one target (%d targets missed any), %d duplicate slot(s) in the run;"
                            + " action %d %s (%s), audit %s, %d sandbox operation(s); tick on node-%d seen on node-%d after %.2f s;"
                            + " drill %.0f s%n",
                    startedSeconds, TARGETS, INTERVAL / 1000, STEADY.toSeconds(), steadyWrong.size(), servedWrong.size(),
                    shares, victim, sessionKept, victim, afterKill, repinned, takeoverSeconds, longestGap < 0 ? Double.NaN : longestGap / 1e3, maxMissed, targetsMissing, stored.duplicates().size(), actionId,
                    action.path("status").asString(), action.path("resultMessage").asString(), trail, operations,
                    nodeA, nodeC, pushSeconds, (System.nanoTime() - began) / 1e9);

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(shares.get(victim)).as("probe partitions node-%d held when it was killed (its cluster health)", victim)
                    .matches("[1-9][0-9]* of .*");
            soft.assertThat(sessionKept).as("six requests with the cookie of node %d stay in its session", victim).isTrue();
            soft.assertThat(afterKill).as("the pinned browser's request after node %d died", victim).isEqualTo(200);
            soft.assertThat(repinned).as("the console the pinned browser lands on after node %d died", victim)
                    .isIn("node" + nodeA, "node" + nodeC);
            soft.assertThat(takeoverDone).as("every target probed again within %d s of the kill", TAKEOVER_BOUND.toSeconds())
                    .isNotNull();
            soft.assertThat(action.path("finished").asBoolean()).as("action %d finished within 120 s of the kill", actionId).isTrue();
            soft.assertThat(pushFailure).as("the tick made on node %d, on the checklist open on node %d", nodeA, nodeC).isNull();
            soft.assertThat(steadyWrong).as("stored runs per target per interval in the steady window").isEmpty();
            soft.assertThat(servedWrong).as("requests per target per interval in the steady window (server log)").isEmpty();
            soft.assertThat(stored.duplicates()).as("slots run twice, anywhere in the drill").isEmpty();
            soft.assertThat(maxMissed).as("slots one target missed around the kill").isLessThanOrEqualTo(MAX_MISSED);
            soft.assertThat(action.path("status").asString()).isIn("SUCCEEDED", "FAILED");
            soft.assertThat(action.path("resultMessage").asString()).as("the action's outcome message").isNotBlank();
            soft.assertThat(trail.getOrDefault("action.succeeded", 0) + trail.getOrDefault("action.failed", 0))
                    .as("action.succeeded / action.failed events of action %d: %s", actionId, trail).isEqualTo(1);
            soft.assertThat(operations).as("sandbox operations sent for the action").isEqualTo(1);
            soft.assertAll();
        }
    }

    private static final String RUNBOOK = """
            title: Cluster drill
            severity: P2
            phases:
              - key: drill
                title: "Drill: a tick crosses consoles"
                priority: P2
                owner: Infrastructure
                window: { start: 0h, end: 4h }
                tasks:
                  - id: "1.1"
                    text: "Ticked on node 1, seen on node 3"
                    owner: Infrastructure
            """;

    private static String targets(List<String> keys, TargetEcho echo) {
        StringBuilder y = new StringBuilder("targets:\n");
        for (String key : keys) {
            y.append("  - key: ").append(key).append("\n    name: Drill ").append(key).append("\n    kind: HTTP\n    group: drill\n")
                    .append("    interval: 2s\n    timeout: 1s\n    settings:\n      url: ").append(echo.url(key)).append('\n');
        }
        return y.toString();
    }

    /** The checklist open on node 3 shows a tick made on node 1; returns seconds from the click to the change. */
    private static double tickAcross(LocalCluster cluster, Connection db, int nodeA, int nodeC) throws Exception {
        long phaseId = count(db, "select p.id from incident_phase p join incident i on i.id = p.incident_id where i.incident_key = ?",
                INCIDENT);
        String path = "/phases/" + phaseId;
        try (Browser watcher = new Browser(cluster.port(nodeC)); Browser ticker = new Browser(cluster.port(nodeA))) {
            watcher.login("drill-operator", DrillAccounts.PASSWORD);
            ticker.login("drill-commander", DrillAccounts.PASSWORD);
            watcher.open(path);
            watcher.waitFor(By.id("tick-1.1"));
            ticker.open(path);
            ticker.waitFor(By.id("tick-1.1"));
            JavascriptExecutor js = (JavascriptExecutor) ticker.driver();
            long clickedAt = System.nanoTime();
            // the row may be replaced by push between finding and clicking it: click until the server confirms
            for (int attempt = 0; attempt < 10 && ticker.driver().findElements(By.id("task-who-1.1")).isEmpty(); attempt++) {
                js.executeScript("const e = document.getElementById('tick-1.1'); if (e && !e.hasAttribute('checked')) e.querySelector('input').click()");
                Thread.sleep(1_000);
            }
            new WebDriverWait(watcher.driver(), Duration.ofSeconds(30)).withMessage("the tick made on node 1, on node 3")
                    .pollingEvery(Duration.ofMillis(100))
                    .until(d -> !d.findElements(By.id("task-who-1.1")).isEmpty());
            return (System.nanoTime() - clickedAt) / 1e9;
        }
    }

    /** The "cluster" component's details of a node's health, as an ADMIN sees them. */
    private static JsonNode clusterHealth(ApiCalls node, String adminToken) throws Exception {
        return json(node.get("/actuator/health", adminToken)).path("components").path("cluster").path("details");
    }

    /** The "probe partitions" detail of a node's cluster health, e.g. "21 of an even share of 21" ("none" if absent). */
    private static String probeShare(JsonNode details) {
        for (var e : details.properties()) {
            if (e.getKey().contains("partition")) {
                return e.getValue().asString();
            }
        }
        return details.isMissingNode() ? "no cluster details (not shown to the admin token?)" : "none";
    }

    private static Map<String, Integer> auditTrail(Connection db, long actionId) throws Exception {
        Map<String, Integer> trail = new LinkedHashMap<>();
        try (var q = db.prepareStatement("select action, count(*) from audit_event where subject = ? group by action order by min(seq)")) {
            q.setString(1, "action:" + actionId);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    trail.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return trail;
    }

    private static long count(Connection db, String sql, Object... args) throws Exception {
        try (var q = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setObject(i + 1, args[i]);
            }
            try (var rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(status);
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    interface Check {
        boolean holds() throws Exception;
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    /** Polls every 250 ms until {@code probe} gives a value; null when it gave none within {@code bound}. */
    private static <T> T within(Duration bound, Probe<T> probe) throws Exception {
        try {
            return waitFor(bound, "", probe);
        } catch (AssertionError notWithin) {
            return null;
        }
    }

    /** Polls every 250 ms; returns the wall-clock millis at which {@code check} first held. */
    private static long waitUntil(Duration bound, String what, Check check) throws Exception {
        return waitFor(bound, what, () -> check.holds() ? System.currentTimeMillis() : null);
    }

    private static <T> T waitFor(Duration bound, String what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + bound.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
