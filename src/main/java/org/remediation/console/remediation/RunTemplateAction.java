package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/**
 * A Cloud Run change that creates a revision. Where traffic goes then depends on the live split: a
 * service following LATEST moves to the new revision, a split pinned to named revisions stays pinned
 * and the new revision gets 0 % (https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration,
 * "Lifecycle of traffic splits"). The preview says which, {@code sendAllTraffic=true} sends all
 * traffic to the new revision, and verify checks what actually serves.
 */
abstract class RunTemplateAction extends AbstractAction {

    static final String SEND_ALL_TRAFFIC = "sendAllTraffic";
    static final String FOLLOW_LATEST = RunTrafficAction.LATEST + "=100";
    static final String NEW_REVISION = "(new revision)";

    static ParamSpec sendAllTrafficParam() {
        return new ParamSpec(SEND_ALL_TRAFFIC, "Send 100 % to the new revision",
                "true or false (default false); when traffic is pinned to a revision, only true moves it", false);
    }

    /** Checks the flag; true when it asks for all traffic. */
    static boolean sendAllTraffic(Map<String, String> params, Problems problems) {
        String raw = params.getOrDefault(SEND_ALL_TRAFFIC, "").trim();
        if (!raw.isEmpty() && !raw.equals("true") && !raw.equals("false")) {
            problems.add(SEND_ALL_TRAFFIC, "sendAllTraffic must be true or false (got '" + raw + "').");
        }
        return raw.equals("true");
    }

    /** Adds the traffic change the flag asks for, when the split does not already follow LATEST. */
    static void addTraffic(Map<String, String> params, ResourceState live, Map<String, String> desired) {
        if ("true".equals(params.getOrDefault(SEND_ALL_TRAFFIC, "").trim()) && !pinnedTo(live).isEmpty()) {
            desired.put(TRAFFIC, FOLLOW_LATEST);
        }
    }

    /** The configured split when it names revisions; empty when it follows LATEST. */
    static String pinnedTo(ResourceState live) {
        String traffic = live.get(TRAFFIC).orElse(FOLLOW_LATEST);
        return traffic.equals(FOLLOW_LATEST) ? "" : traffic;
    }

    @Override
    public Preview preview(ResourceState live, Map<String, String> desired, String project) {
        Preview p = super.preview(live, desired, project);
        List<DiffRow> diff = new ArrayList<>(p.diff());
        boolean moves = desired.containsKey(TRAFFIC) || pinnedTo(live).isEmpty();
        String serving = live.get(SERVING).orElse(NONE);
        diff.add(new DiffRow(SERVING, serving, moves ? NEW_REVISION + "=100" : serving + "," + NEW_REVISION + "=0"));
        return new Preview(p.kind(), p.resource(), diff, p.sideEffects(), p.sideEffectNotes(), p.gcloud(), p.rollback(),
                p.fingerprint(), p.desired(), p.readAt());
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        String pinned = pinnedTo(live);
        String traffic = desired.containsKey(TRAFFIC)
                ? "Creates a new revision and sends it all traffic (the split " + pinned + " is replaced by LATEST)."
                : pinned.isEmpty() ? "Creates a new revision; traffic follows the latest revision, so it takes 100 % once ready."
                : "Creates a new revision that gets 0 %: traffic is pinned (" + pinned + ") and stays there. "
                        + "Add sendAllTraffic=true to move all traffic to the new revision.";
        return new Effects(List.of(SideEffect.NEW_REVISION, SideEffect.RESTART), List.of(traffic,
                "Old instances are replaced where traffic moves (no downtime expected; in-flight requests may be cut at the timeout)."));
    }

    /** The update line, followed by the command that moves traffic when the change does. */
    static GcloudLine withTraffic(GcloudLine update, ResourceState live, Map<String, String> desired) {
        return desired.containsKey(TRAFFIC) ? update.andThen(GcloudLine.command("run", "services", "update-traffic")
                .name(live.ref().name()).location(live.ref()).bare("--to-latest")) : update;
    }

    @Override
    public List<String> verify(ResourceState after, Map<String, String> desired) {
        List<String> problems = new ArrayList<>(super.verify(after, desired));
        problems.addAll(servingProblems(after));
        return problems;
    }

    /**
     * The service serves what its traffic promises: Ready, not reconciling, the newest revision is
     * ready, and {@code traffic_statuses} match the configured split (LATEST meaning the latest ready).
     */
    static List<String> servingProblems(ResourceState after) {
        List<String> problems = new ArrayList<>();
        String state = after.get(STATE).orElse(NONE);
        if (!state.equals("READY")) {
            problems.add("the service is " + state + ", not READY");
        }
        if (after.get(RECONCILING).orElse("false").equals("true")) {
            problems.add("the service is still reconciling");
        }
        String ready = after.get(LATEST_READY_REVISION).orElse(NONE);
        String created = after.get(LATEST_CREATED_REVISION).orElse(ready);
        if (!created.equals(ready)) {
            problems.add("the newest revision " + created + " is not ready; " + ready + " is the latest ready one");
        }
        String promised = after.get(TRAFFIC).orElse(FOLLOW_LATEST).replace(RunTrafficAction.LATEST + "=", ready + "=");
        String serving = after.get(SERVING).orElse(NONE);
        if (!sameSplit(promised, serving)) {
            problems.add("traffic serves " + serving + ", expected " + promised);
        }
        return problems;
    }

    private static boolean sameSplit(String a, String b) {
        return new java.util.TreeSet<>(List.of(a.split(","))).equals(new java.util.TreeSet<>(List.of(b.split(","))));
    }
}
