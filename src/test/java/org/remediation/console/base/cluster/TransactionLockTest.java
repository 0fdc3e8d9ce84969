package org.remediation.console.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.Waits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Cluster#lockForTransaction}: in cluster mode a job's transaction holds its advisory lock to the end,
 * so a former leader's run and the new leader's never overlap; nothing on a single node. The PostgreSQL part
 * runs in the PostgreSQL suite ({@code DATABASE_URL}).
 */
class TransactionLockTest {

    @Test
    void aSingleNodeTakesNoLockAndTouchesNoDatabase() {
        TestClusters.single().lockForTransaction(2); // its JdbcTemplate has no DataSource: any query would throw
    }

    @Test
    void theLockNeedsATransactionAndAKeyOfItsOwn() {
        Cluster member = TestClusters.follower();
        assertThatThrownBy(() -> member.lockForTransaction(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> member.lockForTransaction(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> member.lockForTransaction(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondRunWaitsUntilTheFirstRunsTransactionEnds() throws Exception {
        String url = System.getenv().getOrDefault("DATABASE_URL", "");
        Assumptions.assumeTrue(url.startsWith("jdbc:postgresql:"), "advisory locks need PostgreSQL (DATABASE_URL)");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, System.getenv().getOrDefault("DATABASE_USER", "postgres"),
                System.getenv().getOrDefault("DATABASE_PASSWORD", ""));
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        Cluster formerLeader = TestClusters.member("former-leader", jdbc);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> round = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            formerLeader.lockForTransaction(2);
            held.countDown();
            try {
                Waits.await(finish, "the end of the former leader's round");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        Waits.await(held, "the former leader's round holding the lock");

        assertThat(tryLock(tx, jdbc)).as("the new leader's round while the former one's is open").isFalse();
        finish.countDown();
        Waits.get(round, "the former leader's round");
        assertThat(tryLock(tx, jdbc)).as("once it committed").isTrue();
    }

    private static Boolean tryLock(TransactionTemplate tx, JdbcTemplate jdbc) {
        return tx.execute(s -> jdbc.queryForObject("select pg_try_advisory_xact_lock(1278, 2)", Boolean.class));
    }
}
