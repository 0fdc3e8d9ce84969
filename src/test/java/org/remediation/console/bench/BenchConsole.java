package org.remediation.console.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole console in a benchmark's JVM, as the jar runs it: production mode, demo data, probe scheduler on. */
public final class BenchConsole {

    public static final String PASSWORD = "Demo-password-2026";

    private BenchConsole() {
    }

    /** Starts on a free loopback port with the given database URL and any further {@code --key=value} arguments. */
    public static ConfigurableApplicationContext start(String datasourceUrl, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + datasourceUrl,
                "--server.port=0", "--server.address=127.0.0.1", "--console.demo.password=" + PASSWORD,
                "--console.probes.scheduler.enabled=true", "--logging.level.root=warn", "--vaadin.productionMode=true",
                // target/test-classes/config/application.properties (the tests' settings) is on a benchmark's
                // classpath too and would switch live UI updates to the publishing thread ("direct")
                "--console.live.ui-delivery=async"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ConsoleApplication.class).run(args.toArray(String[]::new));
    }

    /** An in-memory H2 named {@code name}, with the embedded default's compatibility options. */
    public static String memoryDatabase(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** An H2 file database in {@code dir}, with the embedded default's options (as {@code java -jar} runs it on {@code ./data}). */
    public static String fileDatabase(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("console")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** {@code count} HTTP targets {@code prefix-0000…} on {@code url}, every 10 s, in 20 groups, created as an admin. */
    public static void httpTargets(ConfigurableApplicationContext ctx, String prefix, int count, String url) {
        httpTargets(ctx, prefix, count, url, Duration.ofSeconds(2));
    }

    /** As {@link #httpTargets(ConfigurableApplicationContext, String, int, String)}, with the given timeout. */
    public static void httpTargets(ConfigurableApplicationContext ctx, String prefix, int count, String url, Duration timeout) {
        ProbeTargetService targets = ctx.getBean(ProbeTargetService.class);
        As.user("admin", Role.ADMIN, () -> {
            for (int i = 0; i < count; i++) {
                targets.create(new TargetDraft(String.format("%s-%04d", prefix, i), prefix + " " + i, "HTTP", Map.of("url", url),
                        Duration.ofSeconds(10), timeout, true, prefix + "-" + (i % 20), null));
            }
        });
    }

    /** Adds KPIs to the open incident's, as its commander; returns the incident's key. */
    public static String addKpis(ConfigurableApplicationContext ctx, List<CriterionDefinition> kpis) {
        return As.user("commander", Role.COMMANDER, () -> {
            String incident = ctx.getBean(IncidentService.class).current().orElseThrow().key();
            CriteriaService criteria = ctx.getBean(CriteriaService.class);
            List<CriterionDefinition> all = new ArrayList<>(criteria.kpis(incident).stream()
                    .map(k -> new CriterionDefinition(k.owner().criterionKey(), k.label(), k.text())).toList());
            all.addAll(kpis);
            criteria.defineCriteria(incident, null, all);
            return incident;
        });
    }
}
