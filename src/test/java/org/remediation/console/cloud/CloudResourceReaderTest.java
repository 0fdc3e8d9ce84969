package org.remediation.console.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudResourceReaderTest {

    static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    /** A cloud in a map: just enough of a CloudGateway to feed the reader. */
    static final class MapCloud implements CloudGateway {

        @Override
        public java.util.Optional<org.remediation.console.cloud.OperationStatus> runningOperation(ResourceRef ref) {
            return java.util.Optional.empty();
        }

        final Map<ResourceRef, Map<String, String>> states = new HashMap<>();
        final Map<ResourceRef, CloudException> failures = new HashMap<>();

        MapCloud put(String ref, Map<String, String> attributes) {
            states.put(ResourceRef.parse(ref), attributes);
            return this;
        }

        @Override
        public String name() {
            return "map";
        }

        @Override
        public String project() {
            return "map-project";
        }

        @Override
        public List<ResourceRef> resources() {
            return List.copyOf(states.keySet());
        }

        @Override
        public ResourceState read(ResourceRef ref) {
            if (failures.containsKey(ref)) {
                throw failures.get(ref);
            }
            return new ResourceState(ref, states.get(ref), NOW);
        }

        @Override
        public OperationHandle apply(CloudChange change) {
            throw new UnsupportedOperationException("the reader never changes anything");
        }

        @Override
        public OperationStatus poll(OperationHandle operation) {
            throw new UnsupportedOperationException();
        }
    }

    final MapCloud cloud = new MapCloud();
    final CloudResourceReader reader = new CloudResourceReader(cloud, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void connectorReportsStateAndInstanceCounts() {
        cloud.put("VPC_CONNECTOR/us-central1/c", Map.of("state", "UPDATING", "minInstances", "2", "maxInstances", "3",
                "machineType", "e2-micro"));
        CloudReading r = reader.read(ResourceRef.parse("VPC_CONNECTOR/us-central1/c"));
        assertThat(r.healthy()).isFalse();
        assertThat(r.label("state")).contains("UPDATING");
        assertThat(r.measurement("minInstances")).contains(2.0);
        assertThat(r.measurement("maxInstances")).contains(3.0);
        assertThat(r.measurement(CloudResourceReader.UP)).contains(0.0);
        cloud.put("VPC_CONNECTOR/us-central1/c", Map.of("state", "READY", "minInstances", "3", "maxInstances", "10",
                "machineType", "e2-micro"));
        assertThat(reader.read(ResourceRef.parse("VPC_CONNECTOR/us-central1/c")).healthy()).isTrue();
    }

    @Test
    void sqlInstanceIsHealthyOnlyWhenRunnable() {
        cloud.put("SQL_INSTANCE/us-central1/db", Map.of("state", "MAINTENANCE", "tier", "db-custom-2-7680"));
        CloudReading r = reader.read(ResourceRef.parse("SQL_INSTANCE/us-central1/db"));
        assertThat(r.healthy()).isFalse();
        assertThat(r.label("tier")).contains("db-custom-2-7680");
        cloud.put("SQL_INSTANCE/us-central1/db", Map.of("state", "RUNNABLE", "tier", "db-custom-2-7680"));
        assertThat(reader.read(ResourceRef.parse("SQL_INSTANCE/us-central1/db")).healthy()).isTrue();
    }

    @Test
    void runServiceReportsLatestReadyRevisionAndReconciling() {
        cloud.put("RUN_SERVICE/us-central1/s", Map.of("state", "READY", "reconciling", "true",
                "latestReadyRevision", "s-00002-def", "revisions", "s-00001-abc,s-00002-def"));
        CloudReading r = reader.read(ResourceRef.parse("RUN_SERVICE/us-central1/s"));
        assertThat(r.healthy()).isFalse();
        assertThat(r.measurement("reconciling")).contains(1.0);
        assertThat(r.measurement(CloudResourceReader.REVISION_COUNT)).contains(2.0);
        assertThat(r.label("latestReadyRevision")).contains("s-00002-def");
    }

    @Test
    void aRunServiceWithPinnedTrafficSaysWhatActuallyServes() {
        cloud.put("RUN_SERVICE/us-central1/p", Map.of("state", "READY", "reconciling", "false",
                "latestReadyRevision", "p-00003-xyz", "revisions", "p-00001-abc,p-00002-def,p-00003-xyz",
                "traffic", "p-00002-def=100", "serving", "p-00002-def=100"));
        CloudReading r = reader.read(ResourceRef.parse("RUN_SERVICE/us-central1/p"));
        assertThat(r.summary()).isEqualTo("ready, serving p-00002-def=100");
        assertThat(r.label("serving")).contains("p-00002-def=100");
    }

    @Test
    void healthCheckSettingsAreMeasuredAndATimeoutAboveTheIntervalIsUnhealthy() {
        cloud.put("HEALTH_CHECK/global/hc", Map.of("state", "READY", "checkIntervalSec", "5", "timeoutSec", "10",
                "healthyThreshold", "2", "unhealthyThreshold", "3"));
        CloudReading r = reader.read(ResourceRef.parse("HEALTH_CHECK/global/hc"));
        assertThat(r.measurements()).containsEntry("checkIntervalSec", 5.0).containsEntry("timeoutSec", 10.0)
                .containsEntry("healthyThreshold", 2.0).containsEntry("unhealthyThreshold", 3.0);
        assertThat(r.healthy()).isFalse();
    }

    @Test
    void certificateReportsManagedStatusAndWholeDaysToExpiry() {
        cloud.put("SSL_CERTIFICATE/global/cert", Map.of("state", "ACTIVE", "managedStatus", "ACTIVE",
                "expireTime", "2026-12-09T07:00:00Z"));
        CloudReading r = reader.read(ResourceRef.parse("SSL_CERTIFICATE/global/cert"));
        assertThat(r.measurement(CloudResourceReader.DAYS_TO_EXPIRY)).contains(13.0);
        assertThat(r.label("managedStatus")).contains("ACTIVE");
        assertThat(r.healthy()).isTrue();
        cloud.put("SSL_CERTIFICATE/global/cert", Map.of("state", "PROVISIONING", "managedStatus", "PROVISIONING",
                "expireTime", "2027-12-09T07:00:00Z"));
        assertThat(reader.read(ResourceRef.parse("SSL_CERTIFICATE/global/cert")).healthy()).isFalse();
        cloud.put("SSL_CERTIFICATE/global/cert", Map.of("state", "ACTIVE", "managedStatus", "ACTIVE",
                "expireTime", "2026-11-20T00:00:00Z"));
        CloudReading expired = reader.read(ResourceRef.parse("SSL_CERTIFICATE/global/cert"));
        assertThat(expired.healthy()).isFalse();
        assertThat(expired.measurement(CloudResourceReader.DAYS_TO_EXPIRY)).contains(-6.0);
    }

    @Test
    void aFailedReadIsAnUnhealthyReadingThatSaysWhy() {
        ResourceRef ref = ResourceRef.parse("SQL_INSTANCE/us-central1/db");
        cloud.failures.put(ref, CloudException.permissionDenied("cloudsql.instances.get", "roles/cloudsql.viewer"));
        CloudReading r = reader.read(ref);
        assertThat(r.healthy()).isFalse();
        assertThat(r.errorKind()).isEqualTo(CloudException.Kind.PERMISSION_DENIED);
        assertThat(r.summary()).contains("cloudsql.instances.get", "roles/cloudsql.viewer");
        assertThat(r.readAt()).isEqualTo(NOW);
    }
}
