package org.remediation.console.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/** Live updates travel as Spring events and reach browser subscribers only once their transaction committed. */
class LiveUpdateDeliveryTest {

    record Shown(String what) implements LiveUpdate {
    }

    record NotForBrowsers(String what) {
    }

    @Configuration
    @EnableTransactionManagement
    static class Wiring {
        @Bean
        LiveEvents liveEvents() {
            return new LiveEvents();
        }

        @Bean
        DataSourceTransactionManager transactionManager() {
            return new DataSourceTransactionManager(new DriverManagerDataSource("jdbc:h2:mem:live-updates"));
        }
    }

    @Test
    void anUpdateReachesBrowsersAfterCommitNeverAfterRollbackAndOtherEventsNever() {
        try (var ctx = new AnnotationConfigApplicationContext(Wiring.class)) {
            List<String> shown = new CopyOnWriteArrayList<>();
            ctx.getBean(LiveEvents.class).subscribe(Shown.class, e -> shown.add(e.what()));
            TransactionTemplate tx = new TransactionTemplate(ctx.getBean(DataSourceTransactionManager.class));

            tx.executeWithoutResult(s -> {
                ctx.publishEvent(new Shown("committed"));
                assertThat(shown).as("not before the commit").isEmpty();
            });
            tx.executeWithoutResult(s -> {
                ctx.publishEvent(new Shown("rolled back"));
                s.setRollbackOnly();
            });
            ctx.publishEvent(new Shown("outside a transaction"));
            ctx.publishEvent(new NotForBrowsers("domain only"));

            assertThat(shown).containsExactly("committed", "outside a transaction");
        }
    }
}
