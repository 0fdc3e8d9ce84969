package org.remediation.console.cloud.gcp;

import com.google.cloud.redis.v1.Instance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.ResourceRef;

/**
 * Memorystore for Redis, read-only, over gRPC ({@code CloudRedisClient}, redis.googleapis.com v1):
 * the instance's state and where it listens (host, port, authorized network, connect mode), so a
 * "Redis unreachable" can be checked against the network the instance really sits on. The console
 * never changes an instance: {@link #refuseChange} says so.
 */
final class RedisAdapter {

    static final String API = "redis.googleapis.com";

    private final GcpClients clients;
    private final GcpCalls calls;
    private final String project;

    RedisAdapter(GcpClients clients, GcpCalls calls, GcpProperties props) {
        this.clients = clients;
        this.calls = calls;
        this.project = props.project();
    }

    String instanceName(ResourceRef ref) {
        return "projects/" + project + "/locations/" + ref.location() + "/instances/" + ref.name();
    }

    Map<String, String> read(ResourceRef ref) {
        Instance i = calls.call(API, () -> clients.redis.get().getInstance(instanceName(ref)));
        Map<String, String> a = new LinkedHashMap<>();
        a.put(Attributes.STATE, i.getState().name());
        a.put(Attributes.HOST, i.getHost());
        a.put(Attributes.PORT, Integer.toString(i.getPort()));
        a.put(Attributes.AUTHORIZED_NETWORK, i.getAuthorizedNetwork());
        a.put(Attributes.NETWORK, shortName(i.getAuthorizedNetwork()));
        a.put(Attributes.CONNECT_MODE, i.getConnectMode().name());
        a.put(Attributes.TIER, i.getTier().name());
        a.put(Attributes.MEMORY_SIZE_GB, Integer.toString(i.getMemorySizeGb()));
        a.put(Attributes.REDIS_VERSION, i.getRedisVersion());
        a.put(Attributes.RESERVED_IP_RANGE, i.getReservedIpRange());
        return a;
    }

    /** Instance ids in a region (diagnostics' read probe). */
    List<String> list(String region) {
        return calls.call(API, () -> {
            List<String> names = new ArrayList<>();
            clients.redis.get().listInstances("projects/" + project + "/locations/" + region)
                    .iterateAll().forEach(i -> names.add(shortName(i.getName())));
            return names;
        });
    }

    static CloudException refuseChange(ResourceRef ref) {
        return new CloudException(CloudException.Kind.INVALID_ARGUMENT, ref + " is read-only here: the console "
                + "reads a Memorystore for Redis instance's state, host, port and network but never changes it.");
    }

    /** {@code projects/P/global/networks/default} → {@code default}, so it compares with a connector's network. */
    static String shortName(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }
}
