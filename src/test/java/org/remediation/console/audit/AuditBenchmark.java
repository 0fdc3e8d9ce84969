package org.remediation.console.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.remediation.console.ConsoleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Benchmark, not a test: audit append rate and verify() time on the PostgreSQL at 127.0.0.1:5432.
 * Run: {@code ./mvnw -q test-compile && java -cp "target/classes:target/test-classes:$(cat target/cp.txt)"
 * org.remediation.console.audit.AuditBenchmark [events-to-verify]} (see docs/benchmarks.md).
 */
public final class AuditBenchmark {

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long verifyEvents = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String db = "audit_bench_" + System.currentTimeMillis();
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            admin.createStatement().execute("create database " + db);
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(ConsoleApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + db,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--console.security.admin-username=bench-admin",
                        "--console.security.admin-password=Audit-chain-pass-9",
                        "--console.probes.scheduler.enabled=false", "--logging.level.root=warn", "--server.port=0")) {
            AuditService audit = ctx.getBean(AuditService.class);
            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            appendRate(audit, 1, 5_000);
            appendRate(audit, 4, 10_000);
            appendRate(audit, 8, 10_000);
            bulkLoad(jdbc, ctx.getBean(AuditKeySource.class).keys(), verifyEvents);
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("bench", null,
                    AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
            for (int run = 1; run <= 2; run++) {
                long start = System.nanoTime();
                ChainVerification result = audit.verify();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("verify() run %d: %,d events in %.2f s (%,.0f events/s) valid=%s%n", run,
                        result.eventsChecked(), seconds, result.eventsChecked() / seconds, result.valid());
            }
        } finally {
            try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
                admin.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    private static void appendRate(AuditService audit, int threads, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = total / threads;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    audit.append("bench", "bench.append", "item:" + i, "{\"i\":" + i + "}");
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("append: %d writer(s), %,d events in %.2f s = %,.0f events/s%n", threads, total, seconds,
                total / seconds);
    }

    /** Extends the chain to {@code target} events with batched inserts (hashes computed as append does). */
    private static void bulkLoad(JdbcTemplate jdbc, AuditKeys keys, long target) {
        int keyId = keys.signingId();
        javax.crypto.Mac mac = keys.mac(keyId);
        var head = jdbc.queryForMap("select last_seq, last_hash from audit_head where id = 1");
        long seq = ((Number) head.get("last_seq")).longValue();
        String prev = (String) head.get("last_hash");
        Instant at = Instant.parse("2026-11-25T00:00:00Z");
        long start = System.nanoTime();
        while (seq < target) {
            List<Object[]> batch = new ArrayList<>();
            for (int i = 0; i < 5_000 && seq < target; i++) {
                seq++;
                String details = "{\"n\":" + seq + "}";
                String hash = AuditChain.hmac(mac, seq, at, "bench", "bench.bulk", "bulk", details, prev);
                batch.add(new Object[] {seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), "bench", "bench.bulk", "bulk",
                        details, prev, hash, keyId});
                prev = hash;
            }
            jdbc.batchUpdate("insert into audit_event (seq, occurred_at, actor, action, subject, details, prev_hash, hash,"
                    + " key_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch);
        }
        jdbc.update("update audit_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
        System.out.printf("bulk-loaded the chain to %,d events in %.1f s%n", seq, (System.nanoTime() - start) / 1e9);
    }
}
