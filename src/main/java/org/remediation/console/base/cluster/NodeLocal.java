package org.remediation.console.base.cluster;

/**
 * A live update each node raises for its own boards and never forwards: probe results and probe state
 * changes reach every node by the result stream, and the board clock ticks on every node.
 */
public interface NodeLocal {
}
