package org.remediation.console.cloud.gcp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;

/**
 * The cloud port on Google Cloud. Reads map each resource to the same flat attributes as the
 * sandbox; {@link #apply} re-reads the resource first and refuses with CONFLICT when its fingerprint
 * is no longer the previewed one; operation handles carry API, location and operation name so they
 * can be polled after a restart.
 */
public class GcpCloudGateway implements CloudGateway, AutoCloseable {

    private final GcpProperties props;
    private final Clock clock;
    private final GcpClients clients;
    final VpcAccessAdapter vpcAccess;
    final SqlAdminAdapter sqlAdmin;
    final CloudRunAdapter run;
    final ComputeAdapter compute;
    final RedisAdapter redis;
    final MonitoringAdapter monitoring;

    public GcpCloudGateway(GcpProperties props, Clock clock) {
        this(props, clock, Thread::sleep);
    }

    GcpCloudGateway(GcpProperties props, Clock clock, GcpCalls.Sleeper sleeper) {
        if (props.project().isBlank()) {
            throw new IllegalStateException("console.gcp.project must name the Google Cloud project");
        }
        this.props = props;
        this.clock = clock;
        this.clients = new GcpClients(props);
        GcpCalls calls = new GcpCalls(props.retry(), props.project(), sleeper);
        this.vpcAccess = new VpcAccessAdapter(clients, calls, props);
        this.sqlAdmin = new SqlAdminAdapter(clients, calls, props);
        this.run = new CloudRunAdapter(clients, calls, props);
        this.compute = new ComputeAdapter(clients, calls, props);
        this.redis = new RedisAdapter(clients, calls, props);
        this.monitoring = new MonitoringAdapter(clients, calls, props);
    }

    @Override
    public String name() {
        return "gcp";
    }

    @Override
    public String project() {
        return props.project();
    }

    /** Cloud Monitoring reads (GCP_METRIC probes); its client is closed with this gateway. */
    public org.remediation.console.cloud.CloudMetrics metrics() {
        return monitoring;
    }

    public GcpProperties properties() {
        return props;
    }

    @Override
    public List<ResourceRef> resources() {
        GcpProperties.Resources r = props.resources();
        List<ResourceRef> refs = new ArrayList<>();
        r.connectors().forEach(n -> refs.add(regional(ResourceKind.VPC_CONNECTOR, n, props.defaultRegion())));
        r.sqlInstances().forEach(n -> refs.add(regional(ResourceKind.SQL_INSTANCE, n, props.defaultRegion())));
        r.runServices().forEach(n -> refs.add(regional(ResourceKind.RUN_SERVICE, n, props.defaultRegion())));
        r.healthChecks().forEach(n -> refs.add(regional(ResourceKind.HEALTH_CHECK, n, ComputeAdapter.GLOBAL)));
        r.backendServices().forEach(n -> refs.add(new ResourceRef(ResourceKind.BACKEND_SERVICE, ComputeAdapter.GLOBAL, n)));
        r.sslCertificates().forEach(n -> refs.add(new ResourceRef(ResourceKind.SSL_CERTIFICATE, ComputeAdapter.GLOBAL, n)));
        r.redisInstances().forEach(n -> refs.add(regional(ResourceKind.REDIS_INSTANCE, n, props.defaultRegion())));
        return List.copyOf(refs);
    }

    private static ResourceRef regional(ResourceKind kind, String entry, String defaultLocation) {
        int slash = entry.indexOf('/');
        return slash < 0 ? new ResourceRef(kind, defaultLocation, entry)
                : new ResourceRef(kind, entry.substring(0, slash), entry.substring(slash + 1));
    }

    @Override
    public ResourceState read(ResourceRef ref) {
        Map<String, String> attributes = switch (ref.kind()) {
            case VPC_CONNECTOR -> vpcAccess.read(ref);
            case SQL_INSTANCE -> sqlAdmin.read(ref);
            case RUN_SERVICE -> run.read(ref);
            case HEALTH_CHECK -> compute.readHealthCheck(ref);
            case BACKEND_SERVICE -> compute.readBackendService(ref);
            case SSL_CERTIFICATE -> compute.readSslCertificate(ref);
            case REDIS_INSTANCE -> redis.read(ref);
        };
        return new ResourceState(ref, attributes, clock.instant());
    }

    @Override
    public OperationHandle apply(CloudChange change) {
        if (change.ref().kind() == ResourceKind.REDIS_INSTANCE) {
            throw RedisAdapter.refuseChange(change.ref()); // before any call: nothing is read or sent
        }
        ResourceState live = read(change.ref());
        if (!live.fingerprint().equals(change.expectedFingerprint())) {
            throw new CloudException(CloudException.Kind.CONFLICT, change.ref()
                    + " changed since the preview (it now reads " + live.attributes() + "). Preview again.");
        }
        OperationId id;
        try {
            id = switch (change.ref().kind()) {
                case VPC_CONNECTOR -> vpcAccess.apply(change);
                case SQL_INSTANCE -> sqlAdmin.apply(change);
                case RUN_SERVICE -> run.apply(change);
                case HEALTH_CHECK -> compute.applyHealthCheck(change);
                case BACKEND_SERVICE -> compute.applyBackendService(change);
                case SSL_CERTIFICATE -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                        "SSL certificates cannot be changed in place; Google manages their renewal.");
                case REDIS_INSTANCE -> throw RedisAdapter.refuseChange(change.ref());
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, "The change " + change.desired()
                    + " holds a value that is not a valid whole number: " + e.getMessage(), e);
        }
        return new OperationHandle(id.toString(), change.ref(), clock.instant());
    }

    @Override
    public OperationHandle create(ResourceRef ref, Map<String, String> attributes) {
        if (ref.kind() != ResourceKind.VPC_CONNECTOR) {
            return CloudGateway.super.create(ref, attributes);
        }
        return new OperationHandle(vpcAccess.create(ref, attributes).toString(), ref, clock.instant());
    }

    @Override
    public OperationHandle delete(ResourceRef ref, String expectedFingerprint) {
        if (ref.kind() != ResourceKind.VPC_CONNECTOR) {
            return CloudGateway.super.delete(ref, expectedFingerprint);
        }
        ResourceState live = read(ref);
        if (!live.fingerprint().equals(expectedFingerprint)) {
            throw new CloudException(CloudException.Kind.CONFLICT, ref + " changed since the preview (it now reads "
                    + live.attributes() + "). Preview again.");
        }
        return new OperationHandle(vpcAccess.delete(ref).toString(), ref, clock.instant());
    }

    @Override
    public OperationStatus poll(OperationHandle operation) {
        OperationId id;
        try {
            id = OperationId.parse(operation.id());
        } catch (IllegalArgumentException e) {
            throw new CloudException(CloudException.Kind.NOT_FOUND, e.getMessage() + " (started on another cloud?)", e);
        }
        return switch (id.api()) {
            case VPCACCESS -> vpcAccess.poll(id);
            case SQLADMIN -> sqlAdmin.poll(id);
            case RUN -> run.poll(id);
            case COMPUTE -> compute.poll(id);
        };
    }

    /**
     * Every Cloud Run service in the configured regions and the configured ones, listed live: Google
     * deletes a connector that services still use, so "who uses it" must not depend on which services
     * the console was told to show. A region that cannot be listed is reported as unread.
     */
    @Override
    public org.remediation.console.cloud.Topology topology() {
        java.util.Set<ResourceRef> services = new java.util.LinkedHashSet<>();
        List<ResourceRef> unread = new ArrayList<>();
        resources().stream().filter(r -> r.kind() == ResourceKind.RUN_SERVICE).forEach(services::add);
        for (String region : props.regions()) {
            try {
                run.list(region).forEach(name -> services.add(new ResourceRef(ResourceKind.RUN_SERVICE, region, name)));
            } catch (CloudException e) {
                unread.add(new ResourceRef(ResourceKind.RUN_SERVICE, region, "(every service: " + e.kind() + ")"));
            }
        }
        List<org.remediation.console.cloud.Topology.ConnectorLink> links = new ArrayList<>();
        for (ResourceRef ref : services) {
            try {
                org.remediation.console.cloud.Topology.linkOf(read(ref)).ifPresent(links::add);
            } catch (CloudException e) {
                unread.add(ref);
            }
        }
        return new org.remediation.console.cloud.Topology(links, unread);
    }

    @Override
    public Optional<OperationStatus> runningOperation(ResourceRef ref) {
        return switch (ref.kind()) {
            case VPC_CONNECTOR -> vpcAccess.running(ref);
            case SQL_INSTANCE -> sqlAdmin.running(ref);
            case RUN_SERVICE -> run.running(ref);
            case HEALTH_CHECK -> compute.running(ref, "healthChecks");
            case BACKEND_SERVICE -> compute.running(ref, "backendServices");
            case SSL_CERTIFICATE, REDIS_INSTANCE -> Optional.empty(); // read-only here: the console starts nothing on them
        };
    }

    /**
     * Polls until the operation is done or {@code console.gcp.polling.timeout} has passed, pausing
     * {@code console.gcp.polling.interval} between polls; returns the last status either way.
     */
    public OperationStatus awaitOperation(OperationHandle operation) throws InterruptedException {
        long deadline = System.nanoTime() + props.polling().timeout().toNanos();
        OperationStatus status = poll(operation);
        while (!status.done() && System.nanoTime() < deadline) {
            Thread.sleep(props.polling().interval().toMillis());
            status = poll(operation);
        }
        return status;
    }

    /**
     * How Cloud SQL describes a database flag for the instance's database version: allowed range or
     * values and whether changing it restarts the instance. Empty when the flag does not exist.
     */
    public Optional<SqlFlag> sqlFlag(ResourceRef instance, String flag) {
        String version = read(instance).require(org.remediation.console.cloud.Attributes.DATABASE_VERSION);
        return sqlAdmin.flag(version, flag);
    }

    /** The Cloud SQL machine tiers the project may use. */
    public List<String> sqlTiers() {
        return sqlAdmin.tiers();
    }

    @Override
    public void close() {
        clients.close();
    }
}
