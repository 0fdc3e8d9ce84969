package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.cloud.Attributes.*;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;

/** The Cloud Run template actions against hand-made live states: traffic outcome, serving checks, env, probe. */
class RunTemplateActionsTest {

    static final ResourceRef BACKEND = ResourceRef.parse("RUN_SERVICE/us-central1/netra-backend");
    final ActionCatalog catalog = ActionCatalog.standard();

    static ResourceState service(String traffic, String serving, String... extra) {
        Map<String, String> a = new TreeMap<>(Map.of(STATE, "READY", RECONCILING, "false", MEMORY, "512Mi", CPU, "1",
                TIMEOUT_SECONDS, "300", MIN_INSTANCES, "0", MAX_INSTANCES, "10", REVISIONS, "b-1,b-2",
                LATEST_READY_REVISION, "b-2", LATEST_CREATED_REVISION, "b-2"));
        a.put(TRAFFIC, traffic);
        a.put(SERVING, serving);
        a.putAll(Map.of(ENV_PREFIX + "ENVIRONMENT", "staging", ENV_PREFIX + "REDIS_AUTH_TOKEN", "masked:1a2b3c4d",
                ENV_SECRET_PREFIX + "DB_PASSWORD", "netra-db-password:latest", PROBE_TYPE, "TCP", PROBE_PATH, "",
                PROBE_PORT, "8080", PROBE_INITIAL_DELAY, "0", PROBE_PERIOD, "240", PROBE_TIMEOUT, "240"));
        a.put(PROBE_FAILURE_THRESHOLD, "1");
        for (int i = 0; i < extra.length; i += 2) {
            a.put(extra[i], extra[i + 1]);
        }
        return new ResourceState(BACKEND, a, Instant.parse("2026-11-30T22:00:00Z"));
    }

    @Test
    void onPinnedTrafficThePreviewSaysTheNewRevisionGetsNothing() {
        ResourceState pinned = service("b-1=100", "b-1=100");
        RemediationAction resources = catalog.get(ActionKind.RUN_RESOURCES);
        Preview p = resources.preview(pinned, resources.validate(Map.of(MEMORY, "1Gi"), pinned), "netra-staging");
        assertThat(p.diff()).contains(new DiffRow(SERVING, "b-1=100", "b-1=100,(new revision)=0"));
        assertThat(p.sideEffectNotes().getFirst()).contains("gets 0 %", "pinned (b-1=100)", "sendAllTraffic=true");
        assertThat(p.desired()).doesNotContainKey(TRAFFIC);
    }

    @Test
    void sendAllTrafficMovesAPinnedSplitToTheNewRevision() {
        ResourceState pinned = service("b-1=100", "b-1=100");
        RemediationAction resources = catalog.get(ActionKind.RUN_RESOURCES);
        Map<String, String> desired = resources.validate(Map.of(MEMORY, "1Gi", "sendAllTraffic", "true"), pinned);
        assertThat(desired).containsEntry(TRAFFIC, "LATEST=100");
        Preview p = resources.preview(pinned, desired, "netra-staging");
        assertThat(p.diff()).contains(new DiffRow(SERVING, "b-1=100", "(new revision)=100"));
        assertThat(p.gcloud()).endsWith(" && gcloud run services update-traffic netra-backend --region=us-central1 --to-latest --project=netra-staging");
    }

    @Test
    void followingLatestTheNewRevisionTakesAllTraffic() {
        ResourceState following = service("LATEST=100", "b-2=100");
        RemediationAction resources = catalog.get(ActionKind.RUN_RESOURCES);
        Map<String, String> desired = resources.validate(Map.of(MEMORY, "1Gi", "sendAllTraffic", "true"), following);
        assertThat(desired).doesNotContainKey(TRAFFIC);
        assertThat(resources.preview(following, desired, "netra-staging").diff()).contains(new DiffRow(SERVING, "b-2=100", "(new revision)=100"));
    }

    @Test
    void verifyChecksWhatActuallyServes() {
        RemediationAction resources = catalog.get(ActionKind.RUN_RESOURCES);
        Map<String, String> desired = Map.of(MEMORY, "1Gi");
        assertThat(resources.verify(service("LATEST=100", "b-3=100", MEMORY, "1Gi", LATEST_READY_REVISION, "b-3",
                LATEST_CREATED_REVISION, "b-3"), desired)).isEmpty();
        assertThat(resources.verify(service("LATEST=100", "b-2=100", MEMORY, "1Gi", LATEST_READY_REVISION, "b-3",
                LATEST_CREATED_REVISION, "b-3"), desired)).containsExactly("traffic serves b-2=100, expected b-3=100");
        assertThat(resources.verify(service("LATEST=100", "b-2=100", MEMORY, "1Gi", LATEST_CREATED_REVISION, "b-3"), desired))
                .contains("the newest revision b-3 is not ready; b-2 is the latest ready one");
        assertThat(resources.verify(service("b-1=100", "b-1=100", MEMORY, "1Gi", STATE, "FAILED"), desired))
                .containsExactly("the service is FAILED, not READY");
        assertThat(catalog.get(ActionKind.RUN_TRAFFIC).verify(service("b-1=100", "b-2=100"), Map.of(TRAFFIC, "b-1=100")))
                .containsExactly("traffic serves b-2=100, expected b-1=100");
    }

    @Test
    void theEnvPreviewShowsMaskedValuesRemovalsAndSecretReferencesOnly() {
        ResourceState live = service("LATEST=100", "b-2=100");
        RemediationAction env = catalog.get(ActionKind.RUN_ENV);
        Map<String, String> desired = env.validate(Map.of("set",
                "CLOUD_SQL_CONNECTIONS_TIMEOUT=600,DB_CONNECTION_TIMEOUT=600,SQLALCHEMY_POOL_TIMEOUT=35.0",
                "remove", "ENVIRONMENT"), live);
        assertThat(desired).containsEntry(ENV_PREFIX + "REDIS_AUTH_TOKEN", "masked:1a2b3c4d")
                .containsEntry(ENV_PREFIX + "SQLALCHEMY_POOL_TIMEOUT", "35.0").doesNotContainKey(ENV_PREFIX + "ENVIRONMENT")
                .doesNotContainKey(ENV_SECRET_PREFIX + "DB_PASSWORD");
        Preview p = env.preview(live, desired, "netra-staging");
        assertThat(p.diff()).contains(new DiffRow(ENV_PREFIX + "ENVIRONMENT", "staging", "—"),
                new DiffRow(ENV_PREFIX + "REDIS_AUTH_TOKEN", "masked:1a2b3c4d", "masked:1a2b3c4d"),
                new DiffRow(ENV_SECRET_PREFIX + "DB_PASSWORD", "secret netra-db-password:latest", "secret netra-db-password:latest"));
        assertThat(p.gcloud()).isEqualTo("gcloud run services update netra-backend --region=us-central1 --update-env-vars="
                + "CLOUD_SQL_CONNECTIONS_TIMEOUT=600,DB_CONNECTION_TIMEOUT=600,SQLALCHEMY_POOL_TIMEOUT=35.0 --remove-env-vars=ENVIRONMENT --project=netra-staging");
    }

    @Test
    void envNeverTouchesSecretsOrReservedNames() {
        ResourceState live = service("LATEST=100", "b-2=100");
        RemediationAction env = catalog.get(ActionKind.RUN_ENV);
        assertThatThrownBy(() -> env.validate(Map.of("set", "DB_PASSWORD_TIMEOUT=5,PORT=8081"), live))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("DB_PASSWORD_TIMEOUT looks like a secret", "PORT is reserved"));
        ResourceState plainNamed = service("LATEST=100", "b-2=100", ENV_SECRET_PREFIX + "DB_HOST", "db-host:3");
        assertThatThrownBy(() -> env.validate(Map.of("set", "DB_HOST=10.0.0.5"), plainNamed))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("DB_HOST comes from Secret Manager (db-host:3)"));
    }

    @Test
    void theEnvRollbackRestoresThePreviousSetExactly() {
        ResourceState before = service("LATEST=100", "b-2=100", ENV_PREFIX + "DB_CONNECTION_TIMEOUT", "30");
        RemediationAction env = catalog.get(ActionKind.RUN_ENV);
        Map<String, String> desired = env.validate(Map.of("set", "DB_CONNECTION_TIMEOUT=600,POOL=35.0", "remove",
                "ENVIRONMENT"), before);
        Map<String, String> afterAttrs = new TreeMap<>(before.attributes());
        afterAttrs.keySet().removeIf(k -> k.startsWith(ENV_PREFIX));
        afterAttrs.putAll(desired);
        ResourceState after = new ResourceState(BACKEND, afterAttrs, before.readAt());
        RollbackPlan plan = env.rollback(before, after);
        assertThat(plan.params()).containsEntry("set", "DB_CONNECTION_TIMEOUT=30,ENVIRONMENT=staging")
                .containsEntry("remove", "POOL");
        Map<String, String> inverse = env.validate(plan.params(), after);
        assertThat(RunEnvAction.plain(new ResourceState(BACKEND, inverse, before.readAt()))).isEqualTo(RunEnvAction.plain(before));
    }

    @Test
    void theSeedsStartupProbeIsAcceptedAndItsLimitsAreGoogles() {
        ResourceState live = service("LATEST=100", "b-2=100");
        RemediationAction probe = catalog.get(ActionKind.RUN_STARTUP_PROBE);
        Map<String, String> desired = probe.validate(Map.of("type", "HTTP", "path", "/health/basic", "port", "8000",
                "initialDelaySeconds", "30", "periodSeconds", "10", "timeoutSeconds", "5", "failureThreshold", "10"), live);
        assertThat(probe.preview(live, desired, "netra-staging").gcloud()).isEqualTo("gcloud run services update netra-backend "
                + "--region=us-central1 --startup-probe=httpGet.path=/health/basic,httpGet.port=8000,initialDelaySeconds=30,"
                + "periodSeconds=10,timeoutSeconds=5,failureThreshold=10 --project=netra-staging");
        assertThat(probe.rollback(live, new ResourceState(BACKEND, desired, live.readAt())).params())
                .containsEntry("type", "TCP").containsEntry("port", "8080").containsEntry("periodSeconds", "240")
                .doesNotContainKey("path");
        assertThatThrownBy(() -> probe.validate(Map.of("initialDelaySeconds", "30", "failureThreshold", "10"), live))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("Failure threshold × period is 2400 s", "at most 240 s"));
        assertThatThrownBy(() -> probe.validate(Map.of("periodSeconds", "10"), live))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("timeout (240 s) must not exceed the period (10 s)"));
    }

    @Test
    void theSeedsEnvChangeIsAValidTaskActionSpec() {
        ActionSpec spec = ActionSpec.parse("run-env resource=RUN_SERVICE/us-central1/netra-backend "
                + "set=CLOUD_SQL_CONNECTIONS_TIMEOUT=600,DB_CONNECTION_TIMEOUT=600,SQLALCHEMY_POOL_TIMEOUT=35.0");
        assertThat(spec.kind()).isEqualTo(ActionKind.RUN_ENV);
        assertThat(spec.params()).containsEntry("set", "CLOUD_SQL_CONNECTIONS_TIMEOUT=600,DB_CONNECTION_TIMEOUT=600,"
                + "SQLALCHEMY_POOL_TIMEOUT=35.0");
        org.remediation.console.base.Problems problems = new org.remediation.console.base.Problems();
        catalog.get(spec.kind()).check(spec.params(), problems);
        assertThat(problems.list()).isEmpty();
        assertThat(ActionSpec.parse(spec.format())).isEqualTo(spec);
        ActionSpec probe = ActionSpec.parse("run-startup-probe resource=RUN_SERVICE/us-central1/netra-backend "
                + "initialDelaySeconds=30 failureThreshold=10 periodSeconds=10");
        catalog.get(probe.kind()).check(probe.params(), problems);
        assertThat(problems.list()).isEmpty();
    }
}
