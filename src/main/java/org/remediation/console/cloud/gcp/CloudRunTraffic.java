package org.remediation.console.cloud.gcp;

import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.run.v2.TrafficTargetStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.ResourceRef;

/** A Cloud Run service's traffic as flat attributes, and a new split that keeps the revision tags. */
final class CloudRunTraffic {

    static final String LATEST = "LATEST";

    private CloudRunTraffic() {
    }

    static void read(Service s, Map<String, String> a) {
        a.put(Attributes.TRAFFIC, s.getTrafficList().stream().filter(t -> t.getPercent() > 0)
                .map(t -> who(t.getType(), t.getRevision()) + "=" + t.getPercent()).collect(Collectors.joining(",")));
        a.put(Attributes.TRAFFIC_TAGS, s.getTrafficList().stream().filter(t -> !t.getTag().isEmpty())
                .map(t -> t.getTag() + "=" + who(t.getType(), t.getRevision())).collect(Collectors.joining(",")));
        // traffic_statuses is what Cloud Run actually routes; LATEST is resolved to the latest ready revision.
        String latest = CloudRunAdapter.shortName(s.getLatestReadyRevision());
        a.put(Attributes.SERVING, s.getTrafficStatusesList().stream().filter(t -> t.getPercent() > 0)
                .map(t -> served(t, latest) + "=" + t.getPercent()).collect(Collectors.joining(",")));
    }

    private static String who(TrafficTargetAllocationType type, String revision) {
        return type == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST ? LATEST
                : CloudRunAdapter.shortName(revision);
    }

    private static String served(TrafficTargetStatus t, String latest) {
        boolean followsLatest = t.getType() == TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST;
        return followsLatest && t.getRevision().isEmpty() ? latest : CloudRunAdapter.shortName(t.getRevision());
    }

    /**
     * {@code rev-a=90,rev-b=10} or {@code LATEST=100} → targets; every tag of the current traffic
     * stays on its revision (a 0 % target when the revision gets no share), as gcloud's update-traffic does.
     */
    static List<TrafficTarget> next(ResourceRef ref, List<TrafficTarget> current, String text) {
        Map<String, TrafficTarget.Builder> targets = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !kv[1].trim().matches("\\d{1,3}")) {
                throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                        "Traffic must read revision=percent, e.g. " + ref.name() + "-00002-abc=100");
            }
            targets.put(kv[0].trim(), target(kv[0].trim()).setPercent(Integer.parseInt(kv[1].trim())));
        }
        List<TrafficTarget> extra = new ArrayList<>();
        for (TrafficTarget t : current) {
            if (t.getTag().isEmpty()) {
                continue;
            }
            String key = who(t.getType(), t.getRevision());
            TrafficTarget.Builder same = targets.get(key);
            if (same != null && same.getTag().isEmpty()) {
                same.setTag(t.getTag());
            } else {
                extra.add(target(key).setPercent(0).setTag(t.getTag()).build());
            }
        }
        List<TrafficTarget> all = new ArrayList<>(targets.values().stream().map(TrafficTarget.Builder::build).toList());
        all.addAll(extra);
        return all;
    }

    private static TrafficTarget.Builder target(String who) {
        return LATEST.equals(who)
                ? TrafficTarget.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST)
                : TrafficTarget.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                        .setRevision(who);
    }
}
