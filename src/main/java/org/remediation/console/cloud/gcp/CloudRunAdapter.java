package org.remediation.console.cloud.gcp;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionScaling;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.cloud.run.v2.VpcAccess;
import com.google.longrunning.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;

/**
 * Cloud Run Admin API v2 ({@code ServicesClient}, {@code RevisionsClient}). Updates send the whole
 * service as read, modified, with its etag, so a concurrent change is refused rather than lost.
 */
final class CloudRunAdapter {

    static final String API = "run.googleapis.com";

    private final GcpClients clients;
    private final GcpCalls calls;
    private final String project;

    CloudRunAdapter(GcpClients clients, GcpCalls calls, GcpProperties props) {
        this.clients = clients;
        this.calls = calls;
        this.project = props.project();
    }

    String serviceName(ResourceRef ref) {
        return "projects/" + project + "/locations/" + ref.location() + "/services/" + ref.name();
    }

    private Service service(ResourceRef ref) {
        return calls.call(API, () -> clients.runServices.get().getService(serviceName(ref)));
    }

    Map<String, String> read(ResourceRef ref) {
        Service s = service(ref);
        List<Revision> revisions = calls.call(API, () -> {
            List<Revision> all = new ArrayList<>();
            clients.runRevisions.get().listRevisions(serviceName(ref)).iterateAll().forEach(all::add);
            return all;
        });
        Map<String, String> a = new LinkedHashMap<>();
        a.put(Attributes.STATE, state(s));
        RevisionTemplate t = s.getTemplate();
        if (t.getContainersCount() > 0) {
            Map<String, String> limits = t.getContainers(0).getResources().getLimitsMap();
            a.put(Attributes.MEMORY, limits.getOrDefault("memory", "512Mi"));
            a.put(Attributes.CPU, limits.getOrDefault("cpu", "1"));
            CloudRunContainer.read(ref, t.getContainers(0), a);
        }
        a.put(Attributes.TIMEOUT_SECONDS, Long.toString(t.hasTimeout() ? t.getTimeout().getSeconds() : 300));
        a.put(Attributes.MIN_INSTANCES, Integer.toString(t.getScaling().getMinInstanceCount()));
        a.put(Attributes.MAX_INSTANCES, Integer.toString(t.getScaling().getMaxInstanceCount()));
        a.put(Attributes.LATEST_READY_REVISION, shortName(s.getLatestReadyRevision()));
        a.put(Attributes.REVISIONS, revisions.stream()
                .sorted(Comparator.comparing((Revision r) -> r.getCreateTime().getSeconds())
                        .thenComparing(r -> r.getCreateTime().getNanos()).thenComparing(Revision::getName))
                .map(r -> shortName(r.getName())).collect(Collectors.joining(",")));
        a.put(Attributes.LATEST_CREATED_REVISION, shortName(s.getLatestCreatedRevision()));
        CloudRunTraffic.read(s, a);
        a.put(Attributes.RECONCILING, Boolean.toString(s.getReconciling()));
        a.putAll(vpcAccess(t));
        return a;
    }

    /** The connector the template's egress goes through (absent without one; Direct VPC egress is not read). */
    private static Map<String, String> vpcAccess(RevisionTemplate t) {
        if (!t.hasVpcAccess() || t.getVpcAccess().getConnector().isEmpty()) {
            return Map.of();
        }
        VpcAccess.VpcEgress egress = t.getVpcAccess().getEgress();
        // The proto: "If not provided, it defaults to PRIVATE_RANGES_ONLY" (google/cloud/run/v2/vendor_settings.proto).
        return Map.of(Attributes.VPC_CONNECTOR, shortName(t.getVpcAccess().getConnector()),
                Attributes.VPC_EGRESS, egress == VpcAccess.VpcEgress.ALL_TRAFFIC ? "ALL_TRAFFIC" : "PRIVATE_RANGES_ONLY");
    }

    /** Points the template's egress at another connector in the service's region, keeping the egress setting. */
    private void setConnector(RevisionTemplate.Builder template, ResourceRef service, String connector) {
        template.setVpcAccess(VpcAccess.newBuilder(template.getVpcAccess()).setConnector("projects/" + project
                + "/locations/" + service.location() + "/connectors/" + connector));
    }

    private static String state(Service s) {
        if (s.getReconciling()) {
            return "RECONCILING";
        }
        Condition.State c = s.getTerminalCondition().getState();
        return switch (c) {
            case CONDITION_SUCCEEDED -> "READY";
            case CONDITION_FAILED -> "FAILED";
            case CONDITION_RECONCILING, CONDITION_PENDING -> "RECONCILING";
            default -> "UNKNOWN";
        };
    }

    static String shortName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    List<String> list(String region) {
        return calls.call(API, () -> {
            List<String> names = new ArrayList<>();
            clients.runServices.get().listServices("projects/" + project + "/locations/" + region)
                    .iterateAll().forEach(s -> names.add(shortName(s.getName())));
            return names;
        });
    }

    OperationId apply(CloudChange change) {
        Service current = service(change.ref());
        Service.Builder next = current.toBuilder();
        RevisionTemplate.Builder template = next.getTemplateBuilder();
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> probe = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : change.desired().entrySet()) {
            String v = e.getValue();
            if (e.getKey().startsWith(Attributes.ENV_PREFIX)) {
                env.put(e.getKey().substring(Attributes.ENV_PREFIX.length()), v);
                continue;
            }
            if (e.getKey().startsWith("startupProbe.")) {
                probe.put(e.getKey(), v);
                continue;
            }
            switch (e.getKey()) {
                case Attributes.MEMORY -> limits(template).putLimits("memory", v);
                case Attributes.CPU -> limits(template).putLimits("cpu", v);
                case Attributes.TIMEOUT_SECONDS -> template.setTimeout(
                        com.google.protobuf.Duration.newBuilder().setSeconds(Long.parseLong(v)));
                case Attributes.MIN_INSTANCES -> template.setScaling(RevisionScaling.newBuilder(template.getScaling())
                        .setMinInstanceCount(Integer.parseInt(v)));
                case Attributes.MAX_INSTANCES -> template.setScaling(RevisionScaling.newBuilder(template.getScaling())
                        .setMaxInstanceCount(Integer.parseInt(v)));
                case Attributes.TRAFFIC -> next.clearTraffic().addAllTraffic(
                        CloudRunTraffic.next(change.ref(), current.getTrafficList(), v));
                case Attributes.VPC_CONNECTOR -> setConnector(template, change.ref(), v);
                default -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, "A Cloud Run service's '"
                        + e.getKey() + "' cannot be changed here.");
            }
        }
        if (!env.isEmpty()) {
            CloudRunContainer.applyEnv(change.ref(), firstContainer(template), env);
        }
        if (!probe.isEmpty()) {
            CloudRunContainer.applyProbe(firstContainer(template), probe);
        }
        // Only a template change creates a new revision; a traffic change must not touch the template.
        // A template naming an existing revision (Cloud Console deployments name them) is refused with
        // ALREADY_EXISTS, so a changed template lets Cloud Run name the new revision
        // (terraform-provider-google #14569, #9438).
        if (!template.build().equals(current.getTemplate())) {
            template.clearRevision();
        }
        Operation op = calls.mutate(API, () -> clients.runServices.get().updateServiceCallable()
                .call(UpdateServiceRequest.newBuilder().setService(next.build()).build()));
        return new OperationId(OperationId.Api.RUN, change.ref().location(), op.getName());
    }

    private static ResourceRequirements.Builder limits(RevisionTemplate.Builder template) {
        return firstContainer(template).getResourcesBuilder();
    }

    private static Container.Builder firstContainer(RevisionTemplate.Builder template) {
        if (template.getContainersCount() == 0) {
            template.addContainers(Container.newBuilder());
        }
        return template.getContainersBuilder(0);
    }

    OperationStatus poll(OperationId id) {
        Operation op = calls.call(API, () -> clients.runServices.get().getOperationsClient().getOperation(id.name()));
        String error = op.hasError() ? op.getError().getMessage() : null;
        return new OperationStatus(id.toString(), op.getDone(), op.getDone() ? 100 : 50,
                op.getDone() ? "Cloud Run service updated" : "Cloud Run service updating", error);
    }

    /**
     * The newest unfinished operation on the service: Cloud Run lists a location's operations, each
     * carrying the service it changes as its metadata.
     */
    java.util.Optional<OperationStatus> running(ResourceRef ref) {
        // compared from "/locations/" on: Google may name the project by number in the metadata
        String service = serviceName(ref).substring(serviceName(ref).indexOf("/locations/"));
        String location = "projects/" + project + "/locations/" + ref.location();
        return calls.call(API, () -> {
            for (Operation op : clients.runServices.get().getOperationsClient().listOperations(location, "")
                    .iterateAll()) {
                if (!op.getDone() && op.hasMetadata() && op.getMetadata().is(Service.class)
                        && op.getMetadata().unpack(Service.class).getName().endsWith(service)) {
                    return java.util.Optional.of(new OperationStatus(new OperationId(OperationId.Api.RUN,
                            ref.location(), op.getName()).toString(), false, 50,
                            "Cloud Run operation " + shortName(op.getName()) + " updating " + ref.name(), null));
                }
            }
            return java.util.Optional.<OperationStatus>empty();
        });
    }

    /** Permissions the caller lacks on one service, via testIamPermissions. */
    List<String> missingPermissions(ResourceRef ref, List<String> wanted) {
        var granted = calls.call(API, () -> clients.runServices.get().testIamPermissions(
                com.google.iam.v1.TestIamPermissionsRequest.newBuilder().setResource(serviceName(ref))
                        .addAllPermissions(wanted).build()).getPermissionsList());
        return wanted.stream().filter(p -> !granted.contains(p)).toList();
    }
}
