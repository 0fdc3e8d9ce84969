/**
 * Several consoles on one PostgreSQL (issue 20): membership by heartbeat, leases with fencing tokens,
 * the one leader that runs scheduled jobs, and {@code LISTEN/NOTIFY} fan-out of live updates. Off on
 * the embedded H2 default, which is one node: then this node is the leader and owns everything.
 */
@NullMarked
package org.remediation.console.base.cluster;

import org.jspecify.annotations.NullMarked;
