package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.ListServicesRequest;
import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.RevisionsGrpc;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServicesGrpc;
import com.google.cloud.run.v2.UpdateServiceRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.longrunning.GetOperationRequest;
import com.google.longrunning.Operation;
import com.google.longrunning.OperationsGrpc;
import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.grpc.BindableService;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cloud Run Admin API v2 over gRPC: services (get, list, update with etag check), revisions (list),
 * and the google.longrunning Operations service the client polls. A template change creates a new
 * revision when its operation completes; the service is reconciling meanwhile. Revisions are
 * immutable (a template naming an existing revision differently is refused), traffic is validated
 * and kept as sent (tags included), and {@code traffic_statuses} report what serves.
 */
public final class FakeCloudRun {

    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, List<Revision>> revisions = new ConcurrentHashMap<>();
    /** Each revision's configuration (its template without the name): revisions are immutable. */
    private final Map<String, RevisionTemplate> revisionTemplates = new ConcurrentHashMap<>();
    private final Map<String, String> serviceOfOperation = new ConcurrentHashMap<>();
    private final PendingOperations operations = new PendingOperations();
    private final Set<String> deniedPermissions = ConcurrentHashMap.newKeySet();
    private final AtomicLong clock = new AtomicLong(1_700_000_000L);
    private final Faults faults;
    /** Whether a connector (full name) exists and is READY; FakeGoogle wires it to FakeVpcAccess. */
    private volatile java.util.function.Predicate<String> connectorReady = name -> true;

    FakeCloudRun(Faults faults) {
        this.faults = faults;
    }

    /**
     * Seeds a ready service with the given revisions (oldest first); the last one is the latest. When
     * the template names a revision (as Cloud Console deployments do), it must be the last one.
     */
    public void put(Service service, List<String> revisionNames) {
        List<Revision> list = new ArrayList<>();
        for (String rev : revisionNames) {
            Revision r = revision(service.getName(), rev);
            list.add(r);
            revisionTemplates.put(r.getName(), unnamed(service.getTemplate()));
        }
        revisions.put(service.getName(), list);
        String latest = service.getName() + "/revisions/" + revisionNames.getLast();
        services.put(service.getName(), withStatus(service.toBuilder().setEtag(etag())
                .setTerminalCondition(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED))
                .setLatestReadyRevision(latest).setLatestCreatedRevision(latest)).build());
    }

    public Service get(String name) {
        return services.get(name);
    }

    void connectorReady(java.util.function.Predicate<String> check) {
        connectorReady = check;
    }

    /**
     * A template pointing at a missing or unready connector is refused ("VPC connector is not ready
     * yet or does not exist", terraform-provider-google#7111; the exact status code is unverified).
     */
    private void checkConnector(Service current, Service wanted) {
        String connector = wanted.getTemplate().getVpcAccess().getConnector();
        if (!connector.isEmpty() && !connector.equals(current.getTemplate().getVpcAccess().getConnector())
                && !connectorReady.test(connector)) {
            throw Status.FAILED_PRECONDITION.withDescription("VPC connector " + connector
                    + " is not ready yet or does not exist").asRuntimeException();
        }
    }

    public void failNextOperation(String message) {
        operations.failNext(message);
    }

    public void denyPermission(String permission) {
        deniedPermissions.add(permission);
    }

    public void allowAll() {
        deniedPermissions.clear();
    }

    private Revision revision(String service, String shortName) {
        return Revision.newBuilder().setName(service + "/revisions/" + shortName).setService(service)
                .setCreateTime(Timestamp.newBuilder().setSeconds(clock.incrementAndGet())).build();
    }

    private String etag() {
        return "\"" + Long.toHexString(System.nanoTime()) + "\"";
    }

    private synchronized Operation update(UpdateServiceRequest request) {
        Service wanted = request.getService();
        Service current = services.get(wanted.getName());
        if (current == null) {
            throw Status.NOT_FOUND.withDescription("Service " + wanted.getName() + " not found").asRuntimeException();
        }
        if (!wanted.getEtag().isEmpty() && !wanted.getEtag().equals(current.getEtag())) {
            throw Status.ABORTED.withDescription("The service was modified: etag mismatch").asRuntimeException();
        }
        FakeRunTraffic.validate(wanted, revisionNames(current.getName()));
        String named = wanted.getTemplate().getRevision();
        String namedFull = current.getName() + "/revisions/" + named;
        checkConnector(current, wanted);
        boolean newRevision = !wanted.getTemplate().equals(current.getTemplate());
        if (!named.isEmpty() && revisionTemplates.containsKey(namedFull)) {
            // Revisions are immutable: a template naming an existing revision must equal it. Cloud Console
            // deployments name revisions, so a read-modify-write that keeps the name is refused
            // (terraform-provider-google #14569, #13410, #9438).
            if (!revisionTemplates.get(namedFull).equals(unnamed(wanted.getTemplate()))) {
                throw Status.ALREADY_EXISTS.withDescription("Revision named '" + named
                        + "' with different configuration already exists.").asRuntimeException();
            }
            newRevision = false;
        }
        boolean createsRevision = newRevision;
        String location = wanted.getName().substring(0, wanted.getName().indexOf("/services/"));
        String opName = location + "/operations/" + operations.nextId();
        services.put(current.getName(), current.toBuilder().setReconciling(true).build());
        serviceOfOperation.put(opName, current.getName());
        operations.start(opName, current.getName(), "UPDATE", () -> {
            Service.Builder done = wanted.toBuilder().setReconciling(false).setEtag(etag())
                    .setGeneration(current.getGeneration() + 1)
                    .setTerminalCondition(current.getTerminalCondition())
                    .setLatestReadyRevision(current.getLatestReadyRevision())
                    .setLatestCreatedRevision(current.getLatestCreatedRevision());
            if (createsRevision) {
                List<Revision> list = revisions.get(current.getName());
                String shortName = named.isEmpty() ? current.getName().substring(current.getName().lastIndexOf('/') + 1)
                        + String.format("-%05d-%s", list.size() + 1, Long.toString(clock.get() % 1000, 36)) : named;
                Revision rev = revision(current.getName(), shortName);
                list.add(rev);
                revisionTemplates.put(rev.getName(), unnamed(wanted.getTemplate()));
                done.setLatestReadyRevision(rev.getName()).setLatestCreatedRevision(rev.getName());
            }
            // The traffic stays as sent: LATEST follows the new revision, a pinned split stays pinned
            // (https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration, "Lifecycle of traffic splits").
            services.put(current.getName(), withStatus(done).build());
        }, () -> services.put(current.getName(), current.toBuilder().setReconciling(false).setEtag(etag()).build()));
        return Operation.newBuilder().setName(opName).setDone(false).build();
    }

    private List<String> revisionNames(String service) {
        return revisions.getOrDefault(service, List.of()).stream()
                .map(r -> r.getName().substring(r.getName().lastIndexOf('/') + 1)).toList();
    }

    private static RevisionTemplate unnamed(RevisionTemplate template) {
        return template.toBuilder().clearRevision().build();
    }

    /** traffic_statuses as Cloud Run reports them: the spec's targets with LATEST resolved. */
    private static Service.Builder withStatus(Service.Builder s) {
        String latest = s.getLatestReadyRevision().substring(s.getLatestReadyRevision().lastIndexOf('/') + 1);
        return s.clearTrafficStatuses().addAllTrafficStatuses(FakeRunTraffic.statuses(s.getTrafficList(), latest));
    }

    /** The gRPC services to register on the fake server. */
    List<BindableService> bindables() {
        return List.of(new Services(), new Revisions(), new Operations());
    }

    private final class Services extends ServicesGrpc.ServicesImplBase {
        @Override
        public void getService(GetServiceRequest request, StreamObserver<Service> response) {
            if (faults.grpcFault("GetService " + request.getName(), response)) {
                return;
            }
            Service s = services.get(request.getName());
            if (s == null) {
                response.onError(Status.NOT_FOUND.withDescription("Service " + request.getName() + " not found")
                        .asRuntimeException());
                return;
            }
            response.onNext(s);
            response.onCompleted();
        }

        @Override
        public void listServices(ListServicesRequest request, StreamObserver<ListServicesResponse> response) {
            if (faults.grpcFault("ListServices " + request.getParent(), response)) {
                return;
            }
            ListServicesResponse.Builder b = ListServicesResponse.newBuilder();
            services.values().stream().filter(s -> s.getName().startsWith(request.getParent() + "/"))
                    .forEach(b::addServices);
            response.onNext(b.build());
            response.onCompleted();
        }

        @Override
        public void updateService(UpdateServiceRequest request, StreamObserver<Operation> response) {
            try {
                if (faults.grpcFault("UpdateService " + request.getService().getName(), response)) {
                    return;
                }
                Operation op = update(request);
                var lost = faults.lostAnswer("UpdateService " + request.getService().getName());
                if (lost.isPresent()) {
                    response.onError(lost.get().toGrpc());
                    return;
                }
                response.onNext(op);
                response.onCompleted();
            } catch (io.grpc.StatusRuntimeException e) {
                response.onError(e);
            }
        }

        @Override
        public void testIamPermissions(TestIamPermissionsRequest request,
                                       StreamObserver<TestIamPermissionsResponse> response) {
            if (faults.grpcFault("TestIamPermissions " + request.getResource(), response)) {
                return;
            }
            response.onNext(TestIamPermissionsResponse.newBuilder().addAllPermissions(request.getPermissionsList()
                    .stream().filter(p -> !deniedPermissions.contains(p)).toList()).build());
            response.onCompleted();
        }
    }

    private final class Revisions extends RevisionsGrpc.RevisionsImplBase {
        @Override
        public void listRevisions(ListRevisionsRequest request, StreamObserver<ListRevisionsResponse> response) {
            if (faults.grpcFault("ListRevisions " + request.getParent(), response)) {
                return;
            }
            response.onNext(ListRevisionsResponse.newBuilder()
                    .addAllRevisions(revisions.getOrDefault(request.getParent(), List.of())).build());
            response.onCompleted();
        }
    }

    /** Cloud Run v2 operations carry the service being changed as their metadata. */
    private Operation.Builder operation(PendingOperations.Op op) {
        Operation.Builder b = Operation.newBuilder().setName(op.name).setDone(op.done);
        Service target = services.get(serviceOfOperation.get(op.name));
        if (target != null) {
            b.setMetadata(Any.pack(target));
        }
        return b;
    }

    private final class Operations extends OperationsGrpc.OperationsImplBase {
        @Override
        public void listOperations(com.google.longrunning.ListOperationsRequest request,
                                   StreamObserver<com.google.longrunning.ListOperationsResponse> response) {
            if (faults.grpcFault("ListOperations " + request.getName(), response)) {
                return;
            }
            var b = com.google.longrunning.ListOperationsResponse.newBuilder();
            serviceOfOperation.keySet().stream().filter(n -> n.startsWith(request.getName() + "/"))
                    .map(operations::peek).filter(java.util.Objects::nonNull)
                    .forEach(op -> b.addOperations(operation(op)));
            response.onNext(b.build());
            response.onCompleted();
        }

        @Override
        public void getOperation(GetOperationRequest request, StreamObserver<Operation> response) {
            if (faults.grpcFault("GetOperation " + request.getName(), response)) {
                return;
            }
            PendingOperations.Op op = operations.poll(request.getName());
            if (op == null) {
                response.onError(Status.NOT_FOUND.withDescription("operation not found").asRuntimeException());
                return;
            }
            Operation.Builder b = operation(op);
            if (op.done && op.error != null) {
                b.setError(com.google.rpc.Status.newBuilder().setCode(9).setMessage(op.error));
            } else if (op.done) {
                b.setResponse(Any.pack(services.get(serviceOfOperation.get(op.name))));
            }
            response.onNext(b.build());
            response.onCompleted();
        }
    }
}
