package org.remediation.console.cloud.gcp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.remediation.console.cloud.MetricQuery;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.cloud.ResourceRef;

/**
 * The diagnostics checks: per API a read probe of every configured resource (a permission error
 * names what is missing) and, where the API has it, testIamPermissions for the change permissions.
 * APIs without testIamPermissions get their change permission listed as "not checkable".
 */
final class GcpProbes {

    static final List<String> RUN_PERMISSIONS = List.of("run.services.get", "run.services.update", "run.revisions.list");
    static final List<String> HEALTH_CHECK_PERMISSIONS = List.of("compute.healthChecks.get", "compute.healthChecks.update");

    static final String DIAGNOSTIC_METRIC = "metric.type = \"run.googleapis.com/container/instance_count\"";

    private GcpProbes() {
    }

    static GcpDiagnosisReport diagnose(GcpCloudGateway gateway, Instant now) {
        GcpProperties props = gateway.properties();
        List<ResourceRef> refs = gateway.resources();
        return new GcpDiagnosisReport(now, props.project(), true, credentials(props),
                List.of(vpcAccess(gateway, refs), sqlAdmin(gateway, refs), run(gateway, refs), compute(gateway, refs),
                        redis(gateway, refs), monitoring(gateway, now)));
    }

    private static String credentials(GcpProperties props) {
        GcpProperties.Endpoints e = props.endpoints();
        boolean allLoopback = List.of(e.vpcAccess(), e.vpcAccessRest(), e.sqlAdmin(), e.run(), e.compute(), e.monitoring()).stream()
                .allMatch(GcpProperties.Endpoints::isLoopback)
                && (props.resources().redisInstances().isEmpty() || GcpProperties.Endpoints.isLoopback(e.redis()));
        return allLoopback ? "none (every endpoint is a local fake)" : "Application Default Credentials";
    }

    /**
     * Lists the running operations on the first resource of these kinds: the console does that to name
     * what a busy resource is busy with, to find a change whose answer was lost and to release a kept
     * lock, so a missing list permission must show here rather than as a lock that never goes.
     */
    private static void operations(ApiCheck check, GcpCloudGateway g, List<ResourceRef> refs, ResourceKind... kinds) {
        of(refs, kinds).stream().findFirst().ifPresent(ref ->
                check.probe("list operations on " + ref, () -> g.runningOperation(ref)));
    }

    private static List<ResourceRef> of(List<ResourceRef> refs, ResourceKind... kinds) {
        List<ResourceKind> wanted = List.of(kinds);
        return refs.stream().filter(r -> wanted.contains(r.kind())).toList();
    }

    private static ApiDiagnosis vpcAccess(GcpCloudGateway g, List<ResourceRef> refs) {
        ApiCheck check = new ApiCheck(VpcAccessAdapter.API, "Serverless VPC Access");
        for (String region : g.properties().regions()) {
            check.probe("list connectors in " + region, () -> g.vpcAccess.list(region));
        }
        for (ResourceRef ref : of(refs, ResourceKind.VPC_CONNECTOR)) {
            check.probe(ref.toString(), () -> g.vpcAccess.read(ref));
        }
        operations(check, g, refs, ResourceKind.VPC_CONNECTOR);
        check.note("vpcaccess.connectors.update cannot be checked in advance (no testIamPermissions): "
                + "it needs roles/vpcaccess.admin");
        return check.result();
    }

    private static ApiDiagnosis sqlAdmin(GcpCloudGateway g, List<ResourceRef> refs) {
        ApiCheck check = new ApiCheck(SqlAdminAdapter.API, "Cloud SQL Admin");
        check.probe("list instances", g.sqlAdmin::list);
        check.probe("list tiers", g.sqlAdmin::tiers);
        for (ResourceRef ref : of(refs, ResourceKind.SQL_INSTANCE)) {
            check.probe(ref.toString(), () -> g.sqlAdmin.read(ref));
        }
        operations(check, g, refs, ResourceKind.SQL_INSTANCE);
        check.note("cloudsql.instances.update cannot be checked in advance (no testIamPermissions): "
                + "it needs roles/cloudsql.editor");
        return check.result();
    }

    private static ApiDiagnosis run(GcpCloudGateway g, List<ResourceRef> refs) {
        ApiCheck check = new ApiCheck(CloudRunAdapter.API, "Cloud Run Admin");
        for (ResourceRef ref : of(refs, ResourceKind.RUN_SERVICE)) {
            check.probe(ref.toString(), () -> g.run.read(ref));
            check.probe(ref + " testIamPermissions",
                    () -> g.run.missingPermissions(ref, RUN_PERMISSIONS).forEach(check::missing));
        }
        operations(check, g, refs, ResourceKind.RUN_SERVICE);
        return check.result();
    }

    private static ApiDiagnosis compute(GcpCloudGateway g, List<ResourceRef> refs) {
        ApiCheck check = new ApiCheck(ComputeAdapter.API, "Compute Engine (load balancing)");
        for (ResourceRef ref : of(refs, ResourceKind.HEALTH_CHECK)) {
            check.probe(ref.toString(), () -> g.compute.readHealthCheck(ref));
            if (ComputeAdapter.GLOBAL.equals(ref.location())) {
                check.probe(ref + " testIamPermissions", () -> g.compute
                        .missingHealthCheckPermissions(ref.name(), HEALTH_CHECK_PERMISSIONS).forEach(check::missing));
            }
        }
        for (ResourceRef ref : of(refs, ResourceKind.BACKEND_SERVICE)) {
            check.probe(ref.toString(), () -> g.compute.readBackendService(ref));
        }
        operations(check, g, refs, ResourceKind.HEALTH_CHECK, ResourceKind.BACKEND_SERVICE);
        for (ResourceRef ref : of(refs, ResourceKind.SSL_CERTIFICATE)) {
            check.probe(ref.toString(), () -> g.compute.readSslCertificate(ref));
        }
        if (!of(refs, ResourceKind.SSL_CERTIFICATE).isEmpty()) {
            check.probe("list certificates", g.compute::listSslCertificates);
        }
        return check.result();
    }

    /**
     * One time-series read of a Google-defined metric (its descriptor exists in every project): an
     * empty answer is fine, a 403 names monitoring.timeSeries.list, so GCP_METRIC probes' access shows here.
     */
    private static ApiDiagnosis monitoring(GcpCloudGateway g, Instant now) {
        ApiCheck check = new ApiCheck(MonitoringAdapter.API, "Cloud Monitoring (metric probes)");
        MetricQuery query = new MetricQuery(DIAGNOSTIC_METRIC, "ALIGN_MEAN", "REDUCE_NONE", List.of(),
                Duration.ofMinutes(1), now.minus(Duration.ofMinutes(4)));
        check.probe("list time series of " + query.metricType(), () -> g.monitoring.read(query));
        return check.result();
    }

    /** Only when an instance is configured: a project without Memorystore need not enable its API. */
    private static ApiDiagnosis redis(GcpCloudGateway g, List<ResourceRef> refs) {
        ApiCheck check = new ApiCheck(RedisAdapter.API, "Memorystore for Redis (read-only)");
        List<ResourceRef> instances = of(refs, ResourceKind.REDIS_INSTANCE);
        instances.stream().map(ResourceRef::location).distinct()
                .forEach(region -> check.probe("list instances in " + region, () -> g.redis.list(region)));
        for (ResourceRef ref : instances) {
            check.probe(ref.toString(), () -> g.redis.read(ref));
        }
        return check.result();
    }
}
