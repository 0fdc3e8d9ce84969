package org.remediation.console.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveEventsTest {

    @Test
    void asyncDeliveryRunsTabUpdatesOnVirtualThreadsAndDirectOnTheCaller() throws Exception {
        LiveEvents async = new LiveEvents("async");
        try {
            CompletableFuture<Thread> ran = new CompletableFuture<>();
            async.uiDelivery().execute(() -> ran.complete(Thread.currentThread()));
            Thread runner = ran.get(5, TimeUnit.SECONDS);
            assertThat(runner.isVirtual()).isTrue();
            assertThat(runner).isNotSameAs(Thread.currentThread());
        } finally {
            async.stop();
        }
        CompletableFuture<Thread> direct = new CompletableFuture<>();
        new LiveEvents("direct").uiDelivery().execute(() -> direct.complete(Thread.currentThread()));
        assertThat(direct.getNow(null)).isSameAs(Thread.currentThread());
    }

    @Test
    void aMistypedDeliveryModeStopsStartUpNamingTheProperty() {
        assertThatThrownBy(() -> new LiveEvents("asynch"))
                .hasMessageContaining("console.live.ui-delivery").hasMessageContaining("'asynch'");
    }

    @Test
    void onceTheApplicationClosesQueuedBoardUpdatesAreNoLongerApplied() {
        LiveEvents live = new LiveEvents();
        assertThat(live.isOpen()).isTrue();
        live.closing();
        assertThat(live.isOpen()).isFalse();
    }
}
