package org.remediation.console.remediation;

import org.remediation.console.base.cluster.Cluster;
import org.springframework.stereotype.Component;

/** {@link ActionNodes} from the cluster's heartbeat view (single node: only this one is alive). */
@Component
class ClusterActionNodes implements ActionNodes {

    private final Cluster cluster;

    ClusterActionNodes(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String self() {
        return cluster.nodeId();
    }

    @Override
    public boolean isLive(String node) {
        return cluster.isLive(node);
    }
}
