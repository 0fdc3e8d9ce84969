package org.remediation.console.remediation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Cluster liveness the tests set: this node is always alive; others while a test says so. */
public final class TestNodes implements ActionNodes {

    static final String SELF = "test-node";
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    void alive(String node) {
        live.add(node);
    }

    void died(String node) {
        live.remove(node);
    }

    @Override
    public String self() {
        return SELF;
    }

    @Override
    public boolean isLive(String node) {
        return SELF.equals(node) || live.contains(node);
    }
}
