package org.remediation.console.cloud.gcp;

import com.google.cloud.compute.v1.BackendService;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.PatchBackendServiceRequest;
import com.google.cloud.compute.v1.PatchHealthCheckRequest;
import com.google.cloud.compute.v1.PatchRegionHealthCheckRequest;
import com.google.cloud.compute.v1.SslCertificate;
import com.google.cloud.compute.v1.TestPermissionsRequest;
import java.util.ArrayList;
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
 * Compute Engine load balancing (REST clients): health checks (global and regional), backend
 * services (patched with their own fingerprint, so Google refuses a stale patch with 412) and SSL
 * certificates (read only). Compute resources have no lifecycle state; they report {@code READY}.
 */
final class ComputeAdapter {

    static final String API = "compute.googleapis.com";
    static final String GLOBAL = "global";
    static final String EXISTS = "READY";

    private final GcpClients clients;
    private final GcpCalls calls;
    private final String project;

    ComputeAdapter(GcpClients clients, GcpCalls calls, GcpProperties props) {
        this.clients = clients;
        this.calls = calls;
        this.project = props.project();
    }

    private HealthCheck healthCheck(ResourceRef ref) {
        return calls.call(API, () -> GLOBAL.equals(ref.location())
                ? clients.healthChecks.get().get(project, ref.name())
                : clients.regionHealthChecks.get().get(project, ref.location(), ref.name()));
    }

    Map<String, String> readHealthCheck(ResourceRef ref) {
        HealthCheck hc = healthCheck(ref);
        Map<String, String> a = new LinkedHashMap<>();
        a.put(Attributes.STATE, EXISTS);
        a.put(Attributes.CHECK_INTERVAL_SECONDS, Integer.toString(hc.getCheckIntervalSec()));
        a.put(Attributes.CHECK_TIMEOUT_SECONDS, Integer.toString(hc.getTimeoutSec()));
        a.put(Attributes.HEALTHY_THRESHOLD, Integer.toString(hc.getHealthyThreshold()));
        a.put(Attributes.UNHEALTHY_THRESHOLD, Integer.toString(hc.getUnhealthyThreshold()));
        a.put(Attributes.PROTOCOL, hc.getType());
        HealthCheckTarget.read(hc, a);
        return a;
    }

    OperationId applyHealthCheck(CloudChange change) {
        ResourceRef ref = change.ref();
        HealthCheck.Builder patch = HealthCheck.newBuilder();
        HealthCheckTarget target = new HealthCheckTarget();
        change.desired().forEach((k, v) -> {
            switch (k) {
                case Attributes.CHECK_INTERVAL_SECONDS -> patch.setCheckIntervalSec(Integer.parseInt(v));
                case Attributes.CHECK_TIMEOUT_SECONDS -> patch.setTimeoutSec(Integer.parseInt(v));
                case Attributes.HEALTHY_THRESHOLD -> patch.setHealthyThreshold(Integer.parseInt(v));
                case Attributes.UNHEALTHY_THRESHOLD -> patch.setUnhealthyThreshold(Integer.parseInt(v));
                case Attributes.PORT -> target.port = Integer.parseInt(v);
                case Attributes.REQUEST_PATH -> target.requestPath = v;
                default -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                        "A health check's '" + k + "' cannot be changed here.");
            }
        });
        // requestId: Compute ignores a repeated request with the same id and answers with its operation
        if (target.changes()) {
            target.into(healthCheck(ref).getType(), patch); // the sub-object must match the check's type
        }
        Operation op = calls.mutate(API, () -> GLOBAL.equals(ref.location())
                ? clients.healthChecks.get().patchCallable().call(PatchHealthCheckRequest.newBuilder()
                        .setProject(project).setHealthCheck(ref.name()).setHealthCheckResource(patch)
                        .setRequestId(change.requestId()).build())
                : clients.regionHealthChecks.get().patchCallable().call(PatchRegionHealthCheckRequest.newBuilder()
                        .setProject(project).setRegion(ref.location()).setHealthCheck(ref.name())
                        .setHealthCheckResource(patch).setRequestId(change.requestId()).build()));
        return new OperationId(OperationId.Api.COMPUTE, ref.location(), op.getName());
    }

    private BackendService backendService(ResourceRef ref) {
        return calls.call(API, () -> clients.backendServices.get().get(project, ref.name()));
    }

    Map<String, String> readBackendService(ResourceRef ref) {
        BackendService bs = backendService(ref);
        Map<String, String> a = new LinkedHashMap<>();
        a.put(Attributes.STATE, EXISTS);
        a.put(Attributes.HEALTH_CHECKS, bs.getHealthChecksList().stream().map(CloudRunAdapter::shortName)
                .collect(Collectors.joining(",")));
        a.put(Attributes.BACKEND_TIMEOUT_SECONDS, Integer.toString(bs.getTimeoutSec()));
        return a;
    }

    OperationId applyBackendService(CloudChange change) {
        BackendService current = backendService(change.ref());
        BackendService.Builder patch = BackendService.newBuilder().setFingerprint(current.getFingerprint());
        change.desired().forEach((k, v) -> {
            switch (k) {
                case Attributes.BACKEND_TIMEOUT_SECONDS -> patch.setTimeoutSec(Integer.parseInt(v));
                case Attributes.HEALTH_CHECKS -> {
                    List<String> urls = new ArrayList<>();
                    for (String name : v.split(",")) {
                        urls.add("projects/" + project + "/global/healthChecks/" + name.trim());
                    }
                    patch.addAllHealthChecks(urls);
                }
                default -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                        "A backend service's '" + k + "' cannot be changed here.");
            }
        });
        Operation op = calls.mutate(API, () -> clients.backendServices.get().patchCallable().call(
                PatchBackendServiceRequest.newBuilder().setProject(project).setBackendService(change.ref().name())
                        .setBackendServiceResource(patch).setRequestId(change.requestId()).build()));
        return new OperationId(OperationId.Api.COMPUTE, GLOBAL, op.getName());
    }

    Map<String, String> readSslCertificate(ResourceRef ref) {
        SslCertificate cert = calls.call(API, () -> clients.sslCertificates.get().get(project, ref.name()));
        Map<String, String> a = new LinkedHashMap<>();
        boolean managed = cert.hasManaged();
        String status = managed ? cert.getManaged().getStatus() : "SELF_MANAGED";
        a.put(Attributes.STATE, status);
        a.put(Attributes.MANAGED_STATUS, status);
        List<String> domains = managed ? cert.getManaged().getDomainsList() : cert.getSubjectAlternativeNamesList();
        a.put(Attributes.DOMAINS, String.join(",", domains));
        if (cert.hasExpireTime()) {
            a.put(Attributes.EXPIRE_TIME, java.time.OffsetDateTime.parse(cert.getExpireTime()).toInstant().toString());
        }
        return a;
    }

    List<String> listSslCertificates() {
        return calls.call(API, () -> {
            List<String> names = new ArrayList<>();
            clients.sslCertificates.get().list(project).iterateAll().forEach(c -> names.add(c.getName()));
            return names;
        });
    }

    OperationStatus poll(OperationId id) {
        Operation op = calls.call(API, () -> GLOBAL.equals(id.location())
                ? clients.globalOperations.get().get(project, id.name())
                : clients.regionOperations.get().get(project, id.location(), id.name()));
        boolean done = op.getStatus() == Operation.Status.DONE;
        String error = null;
        if (op.hasError() && op.getError().getErrorsCount() > 0) {
            error = op.getError().getErrorsList().stream().map(e -> e.getMessage()).collect(Collectors.joining("; "));
        } else if (op.hasHttpErrorStatusCode() && op.getHttpErrorStatusCode() >= 400) {
            error = op.getHttpErrorMessage();
        }
        return new OperationStatus(id.toString(), done, done ? 100 : op.getProgress(),
                op.getOperationType() + " " + op.getStatus(), error);
    }

    /** The newest unfinished operation whose target is this health check or backend service. */
    java.util.Optional<OperationStatus> running(ResourceRef ref, String collection) {
        String suffix = "/" + collection + "/" + ref.name();
        return calls.call(API, () -> {
            Iterable<Operation> ops = GLOBAL.equals(ref.location())
                    ? clients.globalOperations.get().list(com.google.cloud.compute.v1.ListGlobalOperationsRequest
                            .newBuilder().setProject(project).setFilter("status != DONE").build()).iterateAll()
                    : clients.regionOperations.get().list(com.google.cloud.compute.v1.ListRegionOperationsRequest
                            .newBuilder().setProject(project).setRegion(ref.location()).setFilter("status != DONE")
                            .build()).iterateAll();
            for (Operation op : ops) {
                if (op.getStatus() != Operation.Status.DONE && op.getTargetLink().endsWith(suffix)) {
                    return java.util.Optional.of(new OperationStatus(new OperationId(OperationId.Api.COMPUTE,
                            ref.location(), op.getName()).toString(), false, op.getProgress(), "Compute operation "
                            + op.getName() + " (" + op.getOperationType() + ", " + op.getStatus() + ")", null));
                }
            }
            return java.util.Optional.<OperationStatus>empty();
        });
    }

    /** Permissions the caller lacks on one global health check, via testIamPermissions. */
    List<String> missingHealthCheckPermissions(String name, List<String> wanted) {
        List<String> granted = calls.call(API, () -> clients.healthChecks.get().testIamPermissions(project, name,
                TestPermissionsRequest.newBuilder().addAllPermissions(wanted).build()).getPermissionsList());
        return wanted.stream().filter(p -> !granted.contains(p)).toList();
    }
}
