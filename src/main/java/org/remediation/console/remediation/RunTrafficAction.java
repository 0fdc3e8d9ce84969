package org.remediation.console.remediation;

import static org.remediation.console.cloud.Attributes.LATEST_READY_REVISION;
import static org.remediation.console.cloud.Attributes.REVISIONS;
import static org.remediation.console.cloud.Attributes.TRAFFIC;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceState;

/**
 * Cloud Run traffic: send a share (default all) to an existing revision; the rest to the latest.
 * Revision tags stay on their revisions (the adapters keep them).
 */
final class RunTrafficAction extends AbstractAction {

    static final String REVISION = "revision";
    static final String PERCENT = "percent";

    @Override
    public ActionKind kind() {
        return ActionKind.RUN_TRAFFIC;
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(new ParamSpec(REVISION, "Revision", "an existing revision of the service", true),
                new ParamSpec(PERCENT, "Percent", "1–100 (default 100); the rest goes to the latest revision", false));
    }

    static final String LATEST = "LATEST";

    @Override
    public void check(Map<String, String> params, Problems problems) {
        unknownParams(problems, params);
        String revision = params.getOrDefault(REVISION, "").trim();
        if (revision.isEmpty()) {
            problems.add(REVISION, "Revision is required; name an existing revision, or " + LATEST + ".");
        }
        if (LATEST.equals(revision) && params.containsKey(PERCENT) && !"100".equals(params.get(PERCENT).trim())) {
            problems.add(PERCENT, LATEST + " takes all traffic; split between named revisions instead.");
        }
        if (params.containsKey(PERCENT)) {
            intParam(problems, params, PERCENT, "Percent", 1, 100, false);
        }
    }

    @Override
    public Map<String, String> validate(Map<String, String> params, ResourceState live) {
        Problems problems = new Problems();
        check(params, problems);
        String revision = params.getOrDefault(REVISION, "").trim();
        List<String> revisions = Arrays.asList(live.get(REVISIONS).orElse("").split(","));
        // LATEST follows whichever revision is newest (gcloud --to-latest); Google reports traffic that way.
        if (!revision.isEmpty() && !revisions.contains(revision) && !LATEST.equals(revision)) {
            problems.add(REVISION, "Revision '" + revision + "' does not exist; choose one of "
                    + String.join(", ", revisions) + ", or " + LATEST + ".");
        }
        Integer percent = params.containsKey(PERCENT) ? checkedInt(problems, params, PERCENT) : Integer.valueOf(100);
        String latest = live.get(LATEST_READY_REVISION).orElse("");
        if (problems.isEmpty() && percent != null && percent < 100 && revision.equals(latest)) {
            problems.add(PERCENT, "A split needs two revisions: " + revision + " is already the latest, so send it 100 %.");
        }
        String traffic = percent == null || percent == 100 ? revision + "=100"
                : revision + "=" + percent + "," + latest + "=" + (100 - percent);
        Map<String, String> desired = Map.of(TRAFFIC, traffic);
        nothingChanges(problems, live, desired, REVISION);
        problems.throwIfAny();
        return desired;
    }

    @Override
    Effects effects(ResourceState live, Map<String, String> desired) {
        return Effects.none();
    }

    /** The split as configured, and what actually serves (traffic_statuses) matches it. */
    @Override
    public List<String> verify(ResourceState after, Map<String, String> desired) {
        List<String> problems = new java.util.ArrayList<>(super.verify(after, desired));
        problems.addAll(RunTemplateAction.servingProblems(after));
        return problems;
    }

    @Override
    GcloudLine gcloud(ResourceState live, Map<String, String> desired) {
        GcloudLine line = GcloudLine.command("run", "services", "update-traffic").name(live.ref().name()).location(live.ref());
        return desired.get(TRAFFIC).equals(LATEST + "=100") ? line.bare("--to-latest")
                : line.list("--to-revisions", List.of(desired.get(TRAFFIC).split(",")));
    }

    @Override
    public RollbackPlan rollback(ResourceState before, ResourceState after) {
        String[] split = before.require(TRAFFIC).split(",");
        String[] first = split[0].split("=");
        if (split.length == 1) {
            return RollbackPlan.inverse(Map.of(REVISION, first[0]), "Sends all traffic back to " + first[0] + ".");
        }
        String latest = before.get(LATEST_READY_REVISION).orElse("");
        if (split.length == 2 && split[1].startsWith(latest + "=")) {
            return RollbackPlan.inverse(Map.of(REVISION, first[0], PERCENT, first[1]), "Restores the split " + before.require(TRAFFIC) + ".");
        }
        return RollbackPlan.impossible("The previous split " + before.require(TRAFFIC) + " cannot be expressed as one "
                + "revision plus the latest; restore it with gcloud run services update-traffic.");
    }
}
