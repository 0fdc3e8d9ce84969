package org.remediation.console.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.Waits;

class UiMailboxTest {

    @Test
    void updatesRunInTheOrderPostedAndNotOnThePostingThread() throws Exception {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            UiMailbox box = UiMailbox.of(new UI(), executor);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(200);
            List<Integer> seen = new CopyOnWriteArrayList<>();
            List<Thread> threads = new CopyOnWriteArrayList<>();
            box.post(() -> Waits.hold(release)); // a slow board must not hold up the publisher
            try {
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    box.post(() -> {
                        seen.add(n);
                        threads.add(Thread.currentThread());
                        done.countDown();
                    });
                }
                assertThat(seen).as("nothing ran on the posting thread while the first update was busy").isEmpty();
            } finally {
                release.countDown();
            }
            Waits.await(done, "the 200 updates queued behind the slow one ran after its release");
            assertThat(seen).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 200).boxed().toList());
            assertThat(threads).doesNotContain(Thread.currentThread());
        }
    }

    @Test
    void oneTabHasOneMailbox() {
        UI ui = new UI();
        assertThat(UiMailbox.of(ui, Runnable::run)).isSameAs(UiMailbox.of(ui, Runnable::run));
        assertThat(UiMailbox.of(new UI(), Runnable::run)).isNotSameAs(UiMailbox.of(ui, Runnable::run));
    }
}
