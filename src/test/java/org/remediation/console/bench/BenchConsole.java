package org.remediation.console.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.remediation.console.ConsoleApplication;
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
                "--console.probes.scheduler.enabled=true", "--logging.level.root=warn", "--vaadin.productionMode=true"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ConsoleApplication.class).run(args.toArray(String[]::new));
    }

    /** An in-memory H2 named {@code name}, with the embedded default's compatibility options. */
    public static String memoryDatabase(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    /** {@code count} HTTP targets {@code prefix-0000…} on {@code url}, every 10 s, in 20 groups, created as an admin. */
    public static void httpTargets(ConfigurableApplicationContext ctx, String prefix, int count, String url) {
        ProbeTargetService targets = ctx.getBean(ProbeTargetService.class);
        As.user("admin", Role.ADMIN, () -> {
            for (int i = 0; i < count; i++) {
                targets.create(new TargetDraft(String.format("%s-%04d", prefix, i), prefix + " " + i, "HTTP", Map.of("url", url),
                        Duration.ofSeconds(10), Duration.ofSeconds(2), true, prefix + "-" + (i % 20), null));
            }
        });
    }
}
