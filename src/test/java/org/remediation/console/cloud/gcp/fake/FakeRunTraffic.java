package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import io.grpc.Status;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Cloud Run's traffic rules for the fake: what an update may send, and what then serves. */
final class FakeRunTraffic {

    private FakeRunTraffic() {
    }

    /**
     * Refuses a split that does not add up to 100 %, names an unknown revision or repeats a tag
     * (https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration).
     */
    static void validate(Service wanted, List<String> revisions) {
        int sum = 0;
        Set<String> tags = new HashSet<>();
        for (TrafficTarget t : wanted.getTrafficList()) {
            sum += t.getPercent();
            if (t.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION) {
                String rev = t.getRevision().substring(t.getRevision().lastIndexOf('/') + 1);
                if (!revisions.contains(rev)) {
                    throw Status.INVALID_ARGUMENT.withDescription("Revision '" + rev + "' referenced in traffic "
                            + "does not exist.").asRuntimeException();
                }
            }
            if (!t.getTag().isEmpty() && !tags.add(t.getTag())) {
                throw Status.INVALID_ARGUMENT.withDescription("Tag '" + t.getTag() + "' is used more than once.")
                        .asRuntimeException();
            }
        }
        if (!wanted.getTrafficList().isEmpty() && sum != 100) {
            throw Status.INVALID_ARGUMENT.withDescription("Traffic percentages must add up to 100, not " + sum + ".")
                    .asRuntimeException();
        }
    }

    /** One status per target, LATEST resolved to the latest ready revision. */
    static List<TrafficTargetStatus> statuses(List<TrafficTarget> traffic, String latestReady) {
        return traffic.stream().map(t -> TrafficTargetStatus.newBuilder().setType(t.getType()).setPercent(t.getPercent())
                .setTag(t.getTag())
                .setRevision(t.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST
                        ? latestReady : t.getRevision().substring(t.getRevision().lastIndexOf('/') + 1))
                .build()).toList();
    }
}
