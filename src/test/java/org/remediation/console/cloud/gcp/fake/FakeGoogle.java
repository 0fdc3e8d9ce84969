package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.compute.v1.BackendService;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.HTTPHealthCheck;
import com.google.cloud.compute.v1.SslCertificate;
import com.google.cloud.compute.v1.SslCertificateManagedSslCertificate;
import com.google.cloud.redis.v1.Instance;
import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.ContainerPort;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.EnvVarSource;
import com.google.cloud.run.v2.Probe;
import com.google.cloud.run.v2.SecretKeySelector;
import com.google.cloud.run.v2.TCPSocketAction;
import com.google.cloud.run.v2.ResourceRequirements;
import com.google.cloud.run.v2.RevisionScaling;
import com.google.cloud.run.v2.RevisionTemplate;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTarget;
import com.google.cloud.run.v2.TrafficTargetAllocationType;
import com.google.cloud.vpcaccess.v1.Connector;
import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.remediation.console.cloud.gcp.GcpCloudGateway;
import org.remediation.console.cloud.gcp.GcpProperties;

/**
 * All fake Google servers on loopback, seeded with the #1278 staging topology: one gRPC server
 * (VPC Access, Cloud Run, Memorystore for Redis, Cloud Monitoring, long-running operations) and one HTTP server (VPC Access REST PATCH,
 * Cloud SQL Admin, Compute). {@code FakeGoogle.start().gateway(clock)} is a working
 * {@link GcpCloudGateway} against them; {@link #springProperties()} points a console at them.
 */
public final class FakeGoogle implements AutoCloseable {

    public static final String PROJECT = "netra-staging";
    public static final String REGION = "us-central1";
    public static final String LOCATION = "projects/" + PROJECT + "/locations/" + REGION;
    public static final String CONNECTOR = LOCATION + "/connectors/staging-connector";
    public static final List<String> RUN_SERVICES = List.of("netra-frontend", "netra-auth", "netra-backend");
    /** The #1278 Redis ("10.166.204.83:6379 unreachable"); its instance id is not in the seeds, this one is ours. */
    public static final String REDIS = LOCATION + "/instances/netra-staging-redis";

    private final Faults faults = new Faults();
    private final FakeVpcAccess vpcAccess = new FakeVpcAccess(faults);
    private final FakeCloudRun run = new FakeCloudRun(faults);
    private final FakeSqlAdmin sqlAdmin = new FakeSqlAdmin(faults);
    private final FakeCompute compute = new FakeCompute(faults);
    private final FakeRedis redis = new FakeRedis(faults);
    private final FakeMonitoring monitoring = new FakeMonitoring(faults, PROJECT);
    private final Server grpc;
    private final HttpServer http;

    private FakeGoogle(Instant certificateExpiry) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(vpcAccess).addService(redis).addService(monitoring);
        run.bindables().forEach(builder::addService);
        grpc = builder.build().start();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/v1/projects/" + PROJECT + "/locations/", vpcAccess::handleRest);
        http.createContext("/v1/", sqlAdmin::handle);
        http.createContext("/compute/v1/", compute::handle);
        http.setExecutor(Executors.newCachedThreadPool());
        http.start();
        run.connectorReady(name -> vpcAccess.get(name) != null
                && vpcAccess.get(name).getState() == Connector.State.READY);
        seed(certificateExpiry);
    }

    /** Starts the fakes; the managed certificate expires 60 days from now. */
    public static FakeGoogle start() {
        return start(Instant.now().plus(Duration.ofDays(60)));
    }

    public static FakeGoogle start(Instant certificateExpiry) {
        try {
            return new FakeGoogle(certificateExpiry);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake Google servers", e);
        }
    }

    private void seed(Instant certificateExpiry) {
        vpcAccess.put(Connector.newBuilder().setName(CONNECTOR).setNetwork("default").setIpCidrRange("10.8.0.0/28")
                .setState(Connector.State.READY).setMachineType("e2-micro").setMinInstances(2).setMaxInstances(3)
                .setMinThroughput(200).setMaxThroughput(300).build());
        sqlAdmin.put(PROJECT, "netra-staging-db", REGION, "POSTGRES_15", "db-custom-2-7680",
                Map.of("max_connections", "100"));
        for (String name : RUN_SERVICES) {
            run.put(runService(name), List.of(name + "-00001-abc", name + "-00002-def"));
        }
        compute.putHealthCheck("global", HealthCheck.newBuilder().setName("netra-backend-hc").setType("HTTP")
                .setCheckIntervalSec(5).setTimeoutSec(5).setHealthyThreshold(2).setUnhealthyThreshold(2)
                .setHttpHealthCheck(HTTPHealthCheck.newBuilder().setPort(8080).setRequestPath("/health")).build());
        compute.putBackendService(BackendService.newBuilder().setName("netra-backend-bs").setTimeoutSec(30)
                .addHealthChecks("https://www.googleapis.com/compute/v1/projects/" + PROJECT
                        + "/global/healthChecks/netra-backend-hc").build());
        compute.putCertificate(SslCertificate.newBuilder().setName("netra-staging-cert").setType("MANAGED")
                .setManaged(SslCertificateManagedSslCertificate.newBuilder().setStatus("ACTIVE")
                        .addDomains("staging.netrasystems.ai").putDomainStatus("staging.netrasystems.ai", "ACTIVE"))
                .addSubjectAlternativeNames("staging.netrasystems.ai")
                .setExpireTime(certificateExpiry.toString()).build());
        redis.put(Instance.newBuilder().setName(REDIS).setState(Instance.State.READY).setHost("10.166.204.83")
                .setPort(6379).setAuthorizedNetwork("projects/" + PROJECT + "/global/networks/default")
                .setConnectMode(Instance.ConnectMode.DIRECT_PEERING).setTier(Instance.Tier.BASIC).setMemorySizeGb(1)
                .setRedisVersion("REDIS_7_0").setReservedIpRange("10.166.204.80/29").setLocationId(REGION + "-a")
                .build());
    }

    /**
     * A service as the Cloud Console leaves it: the template names its revision (all but netra-auth,
     * which was deployed by a tool that leaves naming to Cloud Run), plain and Secret Manager
     * environment variables, Cloud Run's default TCP startup probe, and a tag on the older revision.
     */
    /** Adds a service the console was not configured to show, on the staging connector. */
    public void addUnconfiguredService(String name) {
        run.put(runService(name), List.of(name + "-00001-abc", name + "-00002-def"));
    }

    private static Service runService(String name) {
        RevisionTemplate.Builder template = RevisionTemplate.newBuilder()
                .setScaling(RevisionScaling.newBuilder().setMinInstanceCount(0).setMaxInstanceCount(10))
                .setTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(300))
                .setVpcAccess(com.google.cloud.run.v2.VpcAccess.newBuilder().setConnector(CONNECTOR)
                        .setEgress(com.google.cloud.run.v2.VpcAccess.VpcEgress.PRIVATE_RANGES_ONLY))
                .addContainers(Container.newBuilder().setImage("gcr.io/" + PROJECT + "/" + name)
                        .setResources(ResourceRequirements.newBuilder().putLimits("cpu", "1").putLimits("memory", "512Mi"))
                        .addPorts(ContainerPort.newBuilder().setContainerPort(8080))
                        .addEnv(EnvVar.newBuilder().setName("ENVIRONMENT").setValue("staging"))
                        .addEnv(EnvVar.newBuilder().setName("REDIS_AUTH_TOKEN").setValue("plain-secret-in-env"))
                        .addEnv(EnvVar.newBuilder().setName("DB_PASSWORD").setValueSource(EnvVarSource.newBuilder()
                                .setSecretKeyRef(SecretKeySelector.newBuilder().setSecret("netra-db-password")
                                        .setVersion("latest"))))
                        // Cloud Run's default startup probe (https://cloud.google.com/run/docs/configuring/healthchecks)
                        .setStartupProbe(Probe.newBuilder().setTcpSocket(TCPSocketAction.newBuilder().setPort(8080))
                                .setTimeoutSeconds(240).setPeriodSeconds(240).setFailureThreshold(1)));
        if (!name.equals("netra-auth")) {
            template.setRevision(name + "-00002-def");
        }
        return Service.newBuilder().setName(LOCATION + "/services/" + name).setTemplate(template)
                .addTraffic(TrafficTarget.newBuilder()
                        .setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST).setPercent(100))
                .addTraffic(TrafficTarget.newBuilder().setType(TrafficTargetAllocationType.TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION)
                        .setRevision(name + "-00001-abc").setPercent(0).setTag("stable"))
                .build();
    }

    public Faults faults() {
        return faults;
    }

    public FakeVpcAccess vpcAccess() {
        return vpcAccess;
    }

    public FakeCloudRun run() {
        return run;
    }

    public FakeSqlAdmin sqlAdmin() {
        return sqlAdmin;
    }

    public FakeCompute compute() {
        return compute;
    }

    public FakeRedis redis() {
        return redis;
    }

    public FakeMonitoring monitoring() {
        return monitoring;
    }

    public String grpcEndpoint() {
        return "127.0.0.1:" + grpc.getPort();
    }

    public String httpEndpoint() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    /** Gateway settings pointing at the fakes: quick retries, a short call deadline. */
    public GcpProperties properties() {
        return properties(Duration.ofSeconds(2));
    }

    public GcpProperties properties(Duration callTimeout) {
        return new GcpProperties(PROJECT, List.of(REGION),
                new GcpProperties.Resources(List.of("staging-connector"), List.of("netra-staging-db"), RUN_SERVICES,
                        List.of("netra-backend-hc"), List.of("netra-backend-bs"), List.of("netra-staging-cert"),
                        List.of("netra-staging-redis")),
                new GcpProperties.Endpoints(grpcEndpoint(), httpEndpoint(), httpEndpoint(), grpcEndpoint(),
                        "http://127.0.0.1:" + http.getAddress().getPort(), grpcEndpoint(), grpcEndpoint()),
                new GcpProperties.Polling(Duration.ofMillis(20), Duration.ofSeconds(10)),
                new GcpProperties.Retry(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0), callTimeout);
    }

    /** A gateway against the fakes (for the action contract tests: {@code FakeGoogle.start().gateway(clock)}). */
    public GcpCloudGateway gateway(Clock clock) {
        return new GcpCloudGateway(properties(), clock);
    }

    /** Spring properties that make a whole console use these fakes. */
    public Map<String, String> springProperties() {
        GcpProperties p = properties(Duration.ofSeconds(10));
        Map<String, String> m = new LinkedHashMap<>();
        m.put("console.cloud.provider", "gcp");
        m.put("console.gcp.project", p.project());
        m.put("console.gcp.regions", REGION);
        m.put("console.gcp.resources.connectors", "staging-connector");
        m.put("console.gcp.resources.sql-instances", "netra-staging-db");
        m.put("console.gcp.resources.run-services", String.join(",", RUN_SERVICES));
        m.put("console.gcp.resources.health-checks", "netra-backend-hc");
        m.put("console.gcp.resources.backend-services", "netra-backend-bs");
        m.put("console.gcp.resources.ssl-certificates", "netra-staging-cert");
        m.put("console.gcp.resources.redis-instances", "netra-staging-redis");
        m.put("console.gcp.endpoints.vpc-access", p.endpoints().vpcAccess());
        m.put("console.gcp.endpoints.vpc-access-rest", p.endpoints().vpcAccessRest());
        m.put("console.gcp.endpoints.sql-admin", p.endpoints().sqlAdmin());
        m.put("console.gcp.endpoints.run", p.endpoints().run());
        m.put("console.gcp.endpoints.compute", p.endpoints().compute());
        m.put("console.gcp.endpoints.redis", p.endpoints().redis());
        m.put("console.gcp.endpoints.monitoring", p.endpoints().monitoring());
        m.put("console.gcp.call-timeout", "10s");
        m.put("console.gcp.retry.initial-backoff", "50ms");
        return m;
    }

    @Override
    public void close() {
        grpc.shutdownNow();
        http.stop(0);
    }
}
