package org.remediation.console.criteria;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import org.junit.jupiter.api.Test;
import org.remediation.console.base.cluster.TestClusters;

/** Issue 20: criteria rounds and escalation checks run on the leader only (always the single node). */
class CriteriaTickerLeaderTest {

    private final CriteriaService criteria = mock(CriteriaService.class);
    private final EscalationService escalations = mock(EscalationService.class);

    @Test
    void aConsoleThatDoesNotLeadRecordsNoRoundAndChecksNoEscalationButShowsCurrentFigures() {
        CriteriaTicker ticker = new CriteriaTicker(criteria, escalations, TestClusters.follower());
        ticker.resultRound();
        ticker.tick();
        verify(criteria).evaluateMarkedForDisplay();
        verifyNoMoreInteractions(criteria);
        verifyNoInteractions(escalations);
    }

    @Test
    void aSingleConsoleRunsThemAll() {
        CriteriaTicker ticker = new CriteriaTicker(criteria, escalations, TestClusters.single());
        ticker.resultRound();
        ticker.tick();
        verify(criteria).evaluateMarked();
        verify(criteria).reevaluateAll();
        verify(escalations).checkAll();
    }
}
