package org.remediation.console.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.remediation.console.incident.IncidentChanged;

/**
 * What a node does with a message on {@code console_live}: a cluster event is published again as a Spring
 * event; another live update goes to the boards after a {@link RemoteUpdate}; its own messages and any type
 * that is not one of the application's live updates or cluster events are ignored (a NOTIFY payload is
 * anyone's who can reach the database: it must never make the console build an arbitrary class).
 */
class LiveBridgeTest {

    /** A cluster event of this application (the test classes share its package and class loader). */
    record UserLeft(String username) implements ClusterEvent {
    }

    private final ClusterMessages a = new ClusterMessages("node-a");
    private final ClusterMessages b = new ClusterMessages("node-b");

    @Test
    void aClusterEventFromAnotherNodeIsPublishedAgainAsASpringEvent() {
        b.bridge.received(a.bridge.envelope(new UserLeft("alice")));

        assertThat(b.published).containsExactly(new UserLeft("alice"));
        assertThat(b.boards).as("boards hear it through LiveEvents' own listener, if it is a live update").isEmpty();
    }

    @Test
    void aLiveUpdateFromAnotherNodeMovesCachesThenReachesTheBoards() {
        IncidentChanged changed = new IncidentChanged("INC-1278", 3L);
        b.bridge.received(a.bridge.envelope(changed));

        assertThat(b.published).containsExactly(new RemoteUpdate(changed));
        assertThat(b.boards).containsExactly(changed);
    }

    @Test
    void aNodeIgnoresItsOwnMessages() {
        a.bridge.received(a.bridge.envelope(new IncidentChanged("INC-1278", null)));
        a.bridge.received(a.bridge.envelope(new UserLeft("alice")));

        assertThat(a.published).isEmpty();
        assertThat(a.boards).isEmpty();
    }

    @Test
    void aPayloadNamingAnyOtherClassIsIgnored() {
        for (String type : new String[] {"java.lang.ProcessBuilder", "java.io.File", "java.net.URL",
                "org.remediation.console.base.cluster.Cluster", "org.remediation.console.base.SettingException",
                "org.remediation.console.NoSuchEvent", "org.remediation.console.base.cluster.ClusterEvent"}) {
            b.bridge.received("{\"o\":\"node-a\",\"t\":\"" + type + "\",\"at\":0,\"b\":{\"command\":[\"touch\","
                    + "\"/tmp/pwned\"],\"path\":\"/tmp/pwned\"}}");
        }
        b.bridge.received("{\"o\":\"node-a\",\"t\":\"" + UserLeft.class.getName() + "\",\"at\":0}");

        assertThat(b.published).isEmpty();
        assertThat(b.boards).isEmpty();
    }
}
