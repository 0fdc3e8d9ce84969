package org.remediation.console.remediation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The actions whose change is being sent (no operation id stored yet): this process's own set, and
 * {@code remediation_action.runner_node} for the other consoles, whose trackers leave such an action to its
 * node while that node lives. A node that dies mid-send leaves its id behind; the tracker's reconcile after
 * the sending's lease then looks for the operation it may have started instead of sending again.
 */
final class Sendings {

    private final Set<Long> here = ConcurrentHashMap.newKeySet();
    private final ActionStore store;
    private final ActionNodes nodes;

    Sendings(ActionStore store, ActionNodes nodes) {
        this.store = store;
        this.nodes = nodes;
    }

    String self() {
        return nodes.self();
    }

    /** Marks this process only (the caller stores the node in the row it updates); false when already marked. */
    boolean mark(long id) {
        return here.add(id);
    }

    /** This node starts sending: marked here and in the row; false when this process already is. */
    boolean start(long id) {
        if (!here.add(id)) {
            return false;
        }
        store.runner(id, nodes.self());
        return true;
    }

    /** The sending is over (answer stored or not): the row no longer names this node. */
    void end(long id) {
        try {
            store.clearRunner(id, nodes.self());
        } finally {
            here.remove(id);
        }
    }

    boolean here(long id) {
        return here.contains(id);
    }

    /** Another console that is alive is sending this action's change now. */
    boolean elsewhere(long id) {
        String runner = store.runner(id);
        return runner != null && !runner.equals(nodes.self()) && nodes.isLive(runner);
    }
}
