package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.GetServiceRequest;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.ListRevisionsResponse;
import com.google.cloud.run.v2.ListServicesRequest;
import com.google.cloud.run.v2.ListServicesResponse;
import com.google.cloud.run.v2.Revision;
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
 * revision when its operation completes; the service is reconciling meanwhile.
 */
public final class FakeCloudRun {

    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, List<Revision>> revisions = new ConcurrentHashMap<>();
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

    /** Seeds a ready service with the given revisions (oldest first); the last one serves. */
    public void put(Service service, List<String> revisionNames) {
        List<Revision> list = new ArrayList<>();
        for (String rev : revisionNames) {
            list.add(revision(service.getName(), rev));
        }
        revisions.put(service.getName(), list);
        services.put(service.getName(), service.toBuilder().setEtag(etag())
                .setTerminalCondition(Condition.newBuilder().setType("Ready").setState(Condition.State.CONDITION_SUCCEEDED))
                .setLatestReadyRevision(service.getName() + "/revisions/" + revisionNames.getLast())
                .setLatestCreatedRevision(service.getName() + "/revisions/" + revisionNames.getLast()).build());
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
        checkConnector(current, wanted);
        boolean newRevision = !wanted.getTemplate().equals(current.getTemplate());
        String location = wanted.getName().substring(0, wanted.getName().indexOf("/services/"));
        String opName = location + "/operations/" + operations.nextId();
        services.put(current.getName(), current.toBuilder().setReconciling(true).build());
        serviceOfOperation.put(opName, current.getName());
        operations.start(opName, () -> {
            Service.Builder done = wanted.toBuilder().setReconciling(false).setEtag(etag())
                    .setGeneration(current.getGeneration() + 1)
                    .setTerminalCondition(current.getTerminalCondition());
            if (newRevision) {
                List<Revision> list = revisions.get(current.getName());
                String shortName = current.getName().substring(current.getName().lastIndexOf('/') + 1)
                        + String.format("-%05d-%s", list.size() + 1, Long.toString(clock.get() % 1000, 36));
                Revision rev = revision(current.getName(), shortName);
                list.add(rev);
                done.setLatestReadyRevision(rev.getName()).setLatestCreatedRevision(rev.getName());
            }
            services.put(current.getName(), done.build());
        }, () -> services.put(current.getName(), current.toBuilder().setReconciling(false).setEtag(etag()).build()));
        return Operation.newBuilder().setName(opName).setDone(false).build();
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
                response.onNext(update(request));
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

    private final class Operations extends OperationsGrpc.OperationsImplBase {
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
            Operation.Builder b = Operation.newBuilder().setName(op.name).setDone(op.done);
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
