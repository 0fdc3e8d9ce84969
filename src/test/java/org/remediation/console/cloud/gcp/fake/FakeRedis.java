package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.redis.v1.CloudRedisGrpc;
import com.google.cloud.redis.v1.GetInstanceRequest;
import com.google.cloud.redis.v1.Instance;
import com.google.cloud.redis.v1.ListInstancesRequest;
import com.google.cloud.redis.v1.ListInstancesResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Memorystore for Redis v1, the read RPCs the console uses (GetInstance, ListInstances), shaped
 * after google/cloud/redis/v1/cloud_redis.proto: names {@code projects/P/locations/R/instances/I},
 * host and port output-only, {@code authorized_network} the network's full name, and a list
 * parent whose location {@code -} means every region. Mutating RPCs are left unimplemented
 * (UNIMPLEMENTED): the console never calls them.
 */
public final class FakeRedis extends CloudRedisGrpc.CloudRedisImplBase {

    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final Faults faults;

    FakeRedis(Faults faults) {
        this.faults = faults;
    }

    public void put(Instance instance) {
        instances.put(instance.getName(), instance);
    }

    public Instance get(String name) {
        return instances.get(name);
    }

    @Override
    public void getInstance(GetInstanceRequest request, StreamObserver<Instance> response) {
        if (faults.grpcFault("GetInstance " + request.getName(), response)) {
            return;
        }
        Instance instance = instances.get(request.getName());
        if (instance == null) {
            response.onError(Status.NOT_FOUND.withDescription("Resource '" + request.getName() + "' was not found")
                    .asRuntimeException());
            return;
        }
        response.onNext(instance);
        response.onCompleted();
    }

    @Override
    public void listInstances(ListInstancesRequest request, StreamObserver<ListInstancesResponse> response) {
        if (faults.grpcFault("ListInstances " + request.getParent(), response)) {
            return;
        }
        String parent = request.getParent();
        // "projects/P/locations/-" lists every region (the proto's ListInstances comment)
        String prefix = parent.endsWith("/locations/-") ? parent.substring(0, parent.length() - 1) : parent + "/instances/";
        ListInstancesResponse.Builder b = ListInstancesResponse.newBuilder();
        instances.values().stream().filter(i -> i.getName().startsWith(prefix))
                .sorted(Comparator.comparing(Instance::getName)).forEach(b::addInstances);
        response.onNext(b.build());
        response.onCompleted();
    }
}
