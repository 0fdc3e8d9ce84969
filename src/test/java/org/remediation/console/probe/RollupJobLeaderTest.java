package org.remediation.console.probe;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.cluster.TestClusters;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 20: rollups and retention run on the leader only. */
class RollupJobLeaderTest {

    @Test
    void aConsoleThatDoesNotLeadNeitherRollsUpNorDeletes() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        ResultWriter writer = mock(ResultWriter.class);
        new RollupJob(jdbc, mock(ProbeProperties.class), Clock.systemUTC(), null, writer, TestClusters.follower(), e -> { })
                .scheduled();
        verifyNoInteractions(jdbc, writer);
    }
}
