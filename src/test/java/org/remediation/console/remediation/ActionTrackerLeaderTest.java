package org.remediation.console.remediation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.remediation.console.base.cluster.TestClusters;

/** Issue 20: action tracking, idle-lock release and watch windows run on the leader only. */
class ActionTrackerLeaderTest {

    private final ActionStore store = mock(ActionStore.class);
    private final ActionExecutor executor = mock(ActionExecutor.class);
    private final WatchWindow watch = mock(WatchWindow.class);
    private final RemediationProperties properties = mock(RemediationProperties.class);

    @Test
    void aConsoleThatDoesNotLeadTracksNothing() {
        new ActionTracker(store, executor, watch, properties, TestClusters.follower()).tick();
        verifyNoInteractions(store, executor, watch);
    }

    @Test
    void aSingleConsoleTracksReleasesAndWatches() {
        new ActionTracker(store, executor, watch, properties, TestClusters.single()).tick();
        verify(store).byStatus(ActionStatus.RUNNING);
        verify(executor).releaseIdleLocks();
        verify(watch).check();
    }
}
