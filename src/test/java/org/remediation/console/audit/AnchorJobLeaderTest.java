package org.remediation.console.audit;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.cluster.TestClusters;

/** Issue 20: the audit chain is anchored by the leader only, at start, on schedule and at shutdown. */
class AnchorJobLeaderTest {

    private final AuditStore store = mock(AuditStore.class);
    private final AuditAnchors anchors = mock(AuditAnchors.class);

    @Test
    void aConsoleThatDoesNotLeadAnchorsNothing() {
        AnchorJob job = new AnchorJob(store, anchors, e -> { }, Clock.systemUTC(), TestClusters.follower());
        job.atStart();
        job.scheduled();
        job.atShutdown();
        verifyNoInteractions(store, anchors);
    }

    @Test
    void aSingleConsoleAnchorsAtStartOnScheduleAndAtShutdown() {
        AnchorJob job = new AnchorJob(store, anchors, e -> { }, Clock.systemUTC(), TestClusters.single());
        job.atStart();
        job.scheduled();
        job.atShutdown();
        verify(store, times(3)).last();
    }
}
