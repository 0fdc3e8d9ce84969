package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.cloud.Attributes.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.OperationHandle;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;

/**
 * The contract every action kind must keep against any {@link CloudGateway} adapter: validate →
 * preview → apply → verify → rollback. Subclasses provide the gateway (the sandbox here; the Google
 * adapters against their fakes) and may override the hooks; nothing here knows an adapter's internals.
 */
public abstract class ActionContractTest {

    /** The adapter under test, holding at least one resource of every kind an action targets. */
    protected abstract CloudGateway gateway();

    /** How long to wait for one operation before failing the test. */
    protected Duration operationTimeout() {
        return Duration.ofSeconds(60);
    }

    /** The resource an action kind is exercised on: by default the first of its kind. */
    protected ResourceRef resourceFor(ActionKind kind) {
        return gateway().resources().stream().filter(r -> r.kind() == kind.resourceKind()).findFirst()
                .orElseThrow(() -> new AssertionError("the gateway has no " + kind.resourceKind()));
    }

    /** A valid change for this kind, derived from the live state (so it can run repeatedly). */
    protected Map<String, String> exampleParameters(ActionKind kind, ResourceState live) {
        return switch (kind) {
            case SCALE_CONNECTOR -> Map.of(MIN_INSTANCES, String.valueOf(live.intValue(MIN_INSTANCES) + 1),
                    MAX_INSTANCES, String.valueOf(live.intValue(MAX_INSTANCES) + 1));
            case SQL_TIER -> Map.of(TIER, live.require(TIER).equals("db-custom-4-15360") ? "db-custom-2-7680" : "db-custom-4-15360");
            case SQL_FLAG -> Map.of("flag", "max_connections",
                    "value", String.valueOf(Integer.parseInt(live.get(FLAG_PREFIX + "max_connections").orElse("100")) + 50));
            case RUN_RESOURCES -> Map.of(TIMEOUT_SECONDS, live.require(TIMEOUT_SECONDS).equals("300") ? "600" : "300");
            case RUN_TRAFFIC -> Map.of("revision", Arrays.stream(live.require(REVISIONS).split(","))
                    .filter(r -> !live.require(TRAFFIC).equals(r + "=100")).findFirst().orElseThrow());
            case HEALTH_CHECK -> Map.of(UNHEALTHY_THRESHOLD, live.require(UNHEALTHY_THRESHOLD).equals("3") ? "2" : "3");
            case HEALTH_CHECK_TARGET -> live.get(REQUEST_PATH).orElse("").equals("/health/basic")
                    ? Map.of(REQUEST_PATH, "/health", PORT, "8080") : Map.of(REQUEST_PATH, "/health/basic", PORT, "8000");
            case RUN_ENV -> Map.of("set", "DB_CONNECTION_TIMEOUT="
                    + (live.get(ENV_PREFIX + "DB_CONNECTION_TIMEOUT").orElse("").equals("600") ? "300" : "600"));
            case RUN_STARTUP_PROBE -> Map.of("initialDelaySeconds", live.require(PROBE_INITIAL_DELAY).equals("30") ? "0" : "30");
        };
    }

    /** Parameters outside the documented limits for this kind. */
    protected Map<String, String> invalidParameters(ActionKind kind) {
        return switch (kind) {
            case SCALE_CONNECTOR -> Map.of(MIN_INSTANCES, "5", MAX_INSTANCES, "50", MACHINE_TYPE, "e2-standard-8");
            case SQL_TIER -> Map.of(TIER, "db-custom-3-1000");
            case SQL_FLAG -> Map.of("flag", "max_connections", "value", "1");
            case RUN_RESOURCES -> Map.of(MEMORY, "64Gi");
            case RUN_TRAFFIC -> Map.of("revision", "no-such-revision");
            case HEALTH_CHECK -> Map.of(CHECK_TIMEOUT_SECONDS, "301");
            case HEALTH_CHECK_TARGET -> Map.of(REQUEST_PATH, "health/basic", PORT, "65536");
            case RUN_ENV -> Map.of("set", "PORT=9000");
            case RUN_STARTUP_PROBE -> Map.of("periodSeconds", "5", "timeoutSeconds", "10");
        };
    }

    private RemediationAction action(ActionKind kind) {
        return ActionCatalog.standard().get(kind);
    }

    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void aValidChangeIsPreviewedAppliedAndVerified(ActionKind kind) {
        ResourceState live = gateway().read(resourceFor(kind));
        RemediationAction action = action(kind);
        Map<String, String> desired = action.validate(exampleParameters(kind, live), live);
        Preview preview = action.preview(live, desired, gateway().project());
        assertThat(preview.changes()).isNotEmpty();
        assertThat(preview.gcloud()).startsWith("gcloud ").contains(live.ref().name())
                .endsWith(" --project=" + gateway().project());
        assertThat(preview.fingerprint()).isEqualTo(live.fingerprint());
        assertThat(awaitDone(action.apply(gateway(), preview, java.util.UUID.randomUUID().toString())).succeeded()).isTrue();
        ResourceState after = gateway().read(live.ref());
        assertThat(action.verify(after, desired)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void theRollbackRestoresThePriorValuesOrSaysWhyItCannot(ActionKind kind) {
        ResourceState before = gateway().read(resourceFor(kind));
        RemediationAction action = action(kind);
        Map<String, String> desired = action.validate(exampleParameters(kind, before), before);
        assertThat(awaitDone(action.apply(gateway(), action.preview(before, desired, gateway().project()), java.util.UUID.randomUUID().toString())).succeeded()).isTrue();
        ResourceState after = gateway().read(before.ref());
        RollbackPlan plan = action.rollback(before, after);
        assertThat(plan.explanation()).isNotBlank();
        if (!plan.possibleInPlace()) {
            assertThat(kind).isEqualTo(ActionKind.SCALE_CONNECTOR);
            return;
        }
        Map<String, String> inverse = action.validate(plan.params(), after);
        assertThat(awaitDone(action.apply(gateway(), action.preview(after, inverse, gateway().project()), java.util.UUID.randomUUID().toString())).succeeded()).isTrue();
        ResourceState restored = gateway().read(before.ref());
        for (String key : desired.keySet()) {
            assertThat(restored.get(key)).as(key).isEqualTo(before.get(key));
        }
    }

    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void aChangePreviewedAgainstAnOlderStateIsRefusedAsAConflict(ActionKind kind) {
        ResourceState live = gateway().read(resourceFor(kind));
        Map<String, String> desired = action(kind).validate(exampleParameters(kind, live), live);
        assertThatThrownBy(() -> gateway().apply(new CloudChange(live.ref(), desired, "0".repeat(64))))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT));
        assertThat(gateway().read(live.ref()).fingerprint()).isEqualTo(live.fingerprint());
    }

    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void parametersOutsideTheLimitsAreRejectedBeforeAnythingIsSent(ActionKind kind) {
        ResourceState live = gateway().read(resourceFor(kind));
        assertThatThrownBy(() -> action(kind).validate(invalidParameters(kind), live))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).isNotEmpty());
        assertThat(gateway().read(live.ref()).fingerprint()).isEqualTo(live.fingerprint());
    }

    /** Runbook import holds task specs to {@code check}: it must never refuse what a request would accept. */
    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void theChecksWithoutLiveStateReportOnlyWhatValidateReports(ActionKind kind) {
        ResourceState live = gateway().read(resourceFor(kind));
        for (Map<String, String> params : List.of(exampleParameters(kind, live), invalidParameters(kind))) {
            Problems checked = new Problems();
            action(kind).check(params, checked);
            List<InvalidInputException.Problem> validated;
            try {
                action(kind).validate(params, live);
                validated = List.of();
            } catch (InvalidInputException e) {
                validated = e.problems();
            }
            assertThat(validated).as(params.toString()).containsAll(checked.list());
        }
    }

    @ParameterizedTest
    @EnumSource(ActionKind.class)
    void pollingAnUnknownOperationSaysNotFound(ActionKind kind) {
        ResourceRef ref = resourceFor(kind);
        assertThatThrownBy(() -> gateway().poll(new OperationHandle("operations/does-not-exist-" + kind.spec(), ref, Instant.now())))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND));
    }

    /** Polls until done; progress never goes backwards. */
    protected OperationStatus awaitDone(OperationHandle handle) {
        Instant deadline = Instant.now().plus(operationTimeout());
        int last = 0;
        while (Instant.now().isBefore(deadline)) {
            OperationStatus status = gateway().poll(handle);
            assertThat(status.progressPercent()).isGreaterThanOrEqualTo(last);
            last = status.progressPercent();
            if (status.done()) {
                return status;
            }
            sleep();
        }
        throw new AssertionError("operation " + handle.id() + " did not finish within " + operationTimeout());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
