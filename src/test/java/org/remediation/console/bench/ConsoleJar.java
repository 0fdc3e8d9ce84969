package org.remediation.console.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The console as a user deploys it: {@code java -jar console.jar} in its own process, on the
 * embedded default (H2 file database) or the {@code postgres} profile. Before the measured start an
 * admin's setup runs on the same database (in the benchmark's JVM, as the UI would do it): the
 * targets are imported from YAML, the demo's own targets are disabled (they probe the console
 * itself, which would bill a target's work to the prober), and KPIs over the targets are defined on
 * the demo incident so criteria are evaluated from the stored results as in an outage.
 */
final class ConsoleJar implements AutoCloseable {

    enum Store { H2_FILE, POSTGRES }

    static final String INCIDENT = "INC-1278";
    static final int GROUPS = 20;

    private final Process process;
    private final Store store;
    private final String database;

    private ConsoleJar(Process process, Store store, String database) {
        this.process = process;
        this.store = store;
        this.database = database;
    }

    static ConsoleJar start(Path dir, Path jar, Store store, List<String> urls, String interval, String timeout)
            throws Exception {
        Files.createDirectories(dir);
        String database = store == Store.POSTGRES ? "console_deploy_" + System.currentTimeMillis() : "";
        String url = switch (store) {
            case H2_FILE -> "jdbc:h2:file:" + dir.resolve("data/console")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            case POSTGRES -> {
                postgres("create database " + database);
                yield "jdbc:postgresql://127.0.0.1:5432/" + database;
            }
        };
        List<String> common = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.address=127.0.0.1",
                "--console.demo.enabled=true", "--console.demo.password=" + BenchConsole.PASSWORD));
        if (store == Store.POSTGRES) {
            common.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--console.security.admin-username=admin",
                    "--console.security.admin-password=" + BenchConsole.PASSWORD,
                    "--console.audit.key=1:cmVtZWRpYXRpb24tY29uc29sZS1iZW5jaC1rZXktMDAx"));
        }
        setUp(common, urls, interval, timeout);
        int port = Ports.free();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // e.g. -Dbench.consoleJvm=-XX:StartFlightRecording=filename=console.jfr to see where the console's CPU goes
        String jvm = System.getProperty("bench.consoleJvm", "").strip();
        if (!jvm.isEmpty()) {
            command.addAll(List.of(jvm.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(common);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile()).start();
        awaitReady(p, port, dir.resolve("console.log"));
        return new ConsoleJar(p, store, database);
    }

    private static void setUp(List<String> common, List<String> urls, String interval, String timeout) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of("--server.port=0", "--console.probes.scheduler.enabled=false", "--logging.level.root=warn",
                "--console.criteria.reevaluate-interval=1h",
                "--vaadin.productionMode=true"));
        try (var ctx = new SpringApplicationBuilder(ConsoleApplication.class).run(args.toArray(String[]::new))) {
            ProbeTargetService targets = ctx.getBean(ProbeTargetService.class);
            CriteriaService criteria = ctx.getBean(CriteriaService.class);
            As.user("admin", Role.ADMIN, () -> {
                targets.list().stream().map(ProbeTarget::key).forEach(k -> targets.setEnabled(k, false));
                targets.importYaml(yaml(urls, interval, timeout));
            });
            As.user("commander", Role.COMMANDER, () -> {
                List<CriterionDefinition> kpis = new ArrayList<>(criteria.kpis(INCIDENT).stream()
                        .map(s -> new CriterionDefinition(s.owner().criterionKey(), s.label(), s.text())).toList());
                kpis.addAll(kpis(urls.size()));
                criteria.defineCriteria(INCIDENT, null, kpis);
            });
        }
    }

    /** Two KPIs per group (success rate and p95 over 5 min) and one per target of the first group (p99 over the hour). */
    static List<CriterionDefinition> kpis(int targets) {
        List<CriterionDefinition> kpis = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            String group = group(g);
            kpis.add(new CriterionDefinition(group + "-ok", group + " succeeds", "group " + group + " success-rate >= 99 % over 5m"));
            kpis.add(new CriterionDefinition(group + "-fast", group + " is fast", "group " + group + " p95 < 200 ms over 5m"));
        }
        for (int i = 0; i < targets; i += GROUPS) {
            kpis.add(new CriterionDefinition(key(i) + "-p99", key(i) + " p99", key(i) + " p99 < 500 ms over 1h"));
        }
        return kpis;
    }

    static String yaml(List<String> urls, String interval, String timeout) {
        StringBuilder y = new StringBuilder("targets:\n");
        for (int i = 0; i < urls.size(); i++) {
            y.append("  - key: ").append(key(i)).append("\n    name: Bench ").append(i).append("\n    kind: HTTP\n    group: ")
                    .append(group(i % GROUPS)).append("\n    interval: ").append(interval).append("\n    timeout: ").append(timeout)
                    .append("\n    settings:\n      url: ").append(urls.get(i)).append('\n');
        }
        return y.toString();
    }

    private static String key(int i) {
        return String.format("bench-%04d", i);
    }

    private static String group(int g) {
        return String.format("bench-%02d", g);
    }

    static void awaitReady(Process p, int port, Path log) throws InterruptedException {
        Ports.awaitListening(port, p, "the console (see " + log + ")");
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the console was not ready within 120 s (see " + log + ")");
    }

    /** Creates an empty database on 127.0.0.1:5432 for consoles that share it ({@link ConsoleNode}); returns its JDBC URL. */
    static String createDatabase(String name) throws SQLException {
        postgres("create database " + name);
        return "jdbc:postgresql://127.0.0.1:5432/" + name;
    }

    static void dropDatabase(String name) throws SQLException {
        postgres("drop database if exists " + name + " with (force)");
    }

    /** The console's settings on PostgreSQL as a benchmark runs it: loopback, the bench admin, a fixed audit key. */
    static List<String> postgresArgs(String url) {
        return List.of("--spring.datasource.url=" + url, "--server.address=127.0.0.1",
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--console.security.admin-username=admin", "--console.security.admin-password=" + BenchConsole.PASSWORD,
                "--console.audit.key=1:cmVtZWRpYXRpb24tY29uc29sZS1iZW5jaC1rZXktMDAx");
    }

    /**
     * Migrates a PostgreSQL database and imports the targets as an admin would (no demo data, no KPIs), in
     * this JVM with the scheduler off; returns an ADMIN API token of the admin for the REST API.
     */
    static String setUpTargets(String url, List<String> urls, String interval, String timeout) {
        List<String> args = new ArrayList<>(postgresArgs(url));
        args.addAll(List.of("--spring.profiles.active=postgres", "--console.demo.enabled=false", "--server.port=0",
                "--console.probes.scheduler.enabled=false", "--logging.level.root=warn", "--vaadin.productionMode=true"));
        try (var ctx = new SpringApplicationBuilder(ConsoleApplication.class).run(args.toArray(String[]::new))) {
            ProbeTargetService targets = ctx.getBean(ProbeTargetService.class);
            As.user("admin", Role.ADMIN, () -> targets.importYaml(yaml(urls, interval, timeout)));
            var tokens = ctx.getBean(org.remediation.console.security.ApiTokenService.class);
            return As.user("admin", new Role[] {Role.ADMIN}, () -> tokens.createPersonal("bench", Duration.ofDays(1),
                    java.util.Set.of(Role.ADMIN)).value());
        }
    }

    java.util.Map<String, Double> threadSeconds() {
        return ProcessCpu.threadSeconds(process.pid());
    }

    double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    /** The PostgreSQL server's CPU (every postgres process: backends, WAL writer, checkpointer), 0 on H2. */
    double databaseCpuSeconds() {
        return store == Store.POSTGRES ? ProcessCpu.commandSeconds("postgres") : 0;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        if (store == Store.POSTGRES) {
            postgres("drop database if exists " + database + " with (force)");
        }
    }

    private static void postgres(String sql) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
