package org.remediation.console.base.cluster;

/**
 * A domain event every node must hear (a probe target changed, a user's access ended): after the
 * publishing transaction commits it is sent to the other consoles, where it is published again as a
 * Spring event, so their listeners (schedulers, caches, open sessions) react as to a local one. Must be
 * a record that Jackson can write and read.
 */
public interface ClusterEvent {
}
