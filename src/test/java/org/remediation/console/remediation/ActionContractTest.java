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

    /** The connector a replacement creates in these tests. */
    protected static final String NEW_CONNECTOR = "staging-connector-2";

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
            case CONNECTOR_REPLACE -> Map.of("connector", NEW_CONNECTOR, "ipCidrRange", "10.166.240.0/28", "services",
                    String.join(",", gateway().topology().servicesUsing(live.ref()).stream().map(ResourceRef::name).toList()));
            case CONNECTOR_DELETE -> Map.of("confirm", live.ref().name());
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
            case CONNECTOR_REPLACE -> Map.of("connector", "Staging_Connector", "ipCidrRange", "10.166.240.0/24",
                    "services", "netra-backend", "minInstances", "1");
            case CONNECTOR_DELETE -> Map.of();
        };
    }

    private RemediationAction action(ActionKind kind) {
        return ActionCatalog.standard().get(kind);
    }

    @ParameterizedTest
    @EnumSource(value = ActionKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"CONNECTOR_REPLACE", "CONNECTOR_DELETE"})
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
    @EnumSource(value = ActionKind.class, mode = EnumSource.Mode.EXCLUDE, names = {"CONNECTOR_REPLACE", "CONNECTOR_DELETE"})
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

    /** Runs every step of a stepped action as the executor would: start, await, verify. */
    protected void runSteps(SteppedAction action, Preview preview) {
        for (int step = 0; step < action.stepCount(preview); step++) {
            OperationHandle handle = action.startStep(gateway(), preview, step);
            assertThat(handle).as("step " + step + " sent").isNotNull();
            assertThat(awaitDone(handle).succeeded()).as(action.stepLabel(preview, step)).isTrue();
            assertThat(action.verifyStep(gateway(), preview, step)).as(action.stepLabel(preview, step)).isEmpty();
        }
    }

    private Preview steppedPreview(ActionKind kind, ResourceRef ref, Map<String, String> params) {
        ResourceState live = gateway().read(ref);
        SteppedAction action = (SteppedAction) action(kind);
        Map<String, String> desired = action.validate(params, live);
        action.checkLive(gateway(), live, desired);
        return action.preview(live, desired, gateway().project());
    }

    @org.junit.jupiter.api.Test
    void aConnectorIsReplacedStepByStepThenTheOldOneDeletedSeparately() {
        ResourceRef old = resourceFor(ActionKind.CONNECTOR_REPLACE);
        List<ResourceRef> users = gateway().topology().servicesUsing(old);
        assertThat(users).isNotEmpty();
        Preview replace = steppedPreview(ActionKind.CONNECTOR_REPLACE, old,
                exampleParameters(ActionKind.CONNECTOR_REPLACE, gateway().read(old)));
        assertThat(replace.gcloud()).startsWith("gcloud compute networks vpc-access connectors create " + NEW_CONNECTOR
                + " --region=" + old.location()).contains("gcloud run services update " + users.get(0).name());
        assertThat(replace.sideEffects()).contains(SideEffect.NEW_REVISION);
        assertThat(replace.rollback().possibleInPlace()).isTrue();
        SteppedAction replacing = (SteppedAction) action(ActionKind.CONNECTOR_REPLACE);
        assertThat(replacing.stepCount(replace)).isEqualTo(1 + users.size());

        runSteps(replacing, replace);

        ResourceRef created = new ResourceRef(old.kind(), old.location(), NEW_CONNECTOR);
        assertThat(gateway().read(created).attributes()).containsEntry(IP_CIDR_RANGE, "10.166.240.0/28").containsEntry(STATE, "READY");
        assertThat(gateway().topology().servicesUsing(created)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(gateway().topology().servicesUsing(old)).isEmpty();

        Preview delete = steppedPreview(ActionKind.CONNECTOR_DELETE, old, Map.of("confirm", old.name()));
        assertThat(delete.sideEffects()).contains(SideEffect.IRREVERSIBLE_IN_PLACE);
        assertThat(delete.gcloud()).isEqualTo("gcloud compute networks vpc-access connectors delete " + old.name()
                + " --region=" + old.location() + " --project=" + gateway().project());
        runSteps((SteppedAction) action(ActionKind.CONNECTOR_DELETE), delete);
        assertThatThrownBy(() -> gateway().read(old)).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.NOT_FOUND));
    }

    @org.junit.jupiter.api.Test
    void theRollbackOfAReplacementMovesTheServicesBack() {
        ResourceRef old = resourceFor(ActionKind.CONNECTOR_REPLACE);
        List<ResourceRef> users = gateway().topology().servicesUsing(old);
        SteppedAction replacing = (SteppedAction) action(ActionKind.CONNECTOR_REPLACE);
        Preview replace = steppedPreview(ActionKind.CONNECTOR_REPLACE, old,
                exampleParameters(ActionKind.CONNECTOR_REPLACE, gateway().read(old)));
        runSteps(replacing, replace);

        RollbackPlan plan = replacing.rollbackOf(old, replace.desired());
        Preview back = steppedPreview(ActionKind.CONNECTOR_REPLACE, old, plan.params());
        assertThat(replacing.stepCount(back)).as("nothing is created on the way back").isEqualTo(users.size());
        runSteps(replacing, back);

        assertThat(gateway().topology().servicesUsing(old)).containsExactlyInAnyOrderElementsOf(users);
    }

    @org.junit.jupiter.api.Test
    void aConnectorInUseIsNotDeleted() {
        ResourceRef old = resourceFor(ActionKind.CONNECTOR_DELETE);
        ResourceState live = gateway().read(old);
        SteppedAction deleting = (SteppedAction) action(ActionKind.CONNECTOR_DELETE);
        Map<String, String> desired = deleting.validate(Map.of("confirm", old.name()), live);

        assertThatThrownBy(() -> deleting.checkLive(gateway(), live, desired)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.getMessage()).contains("still used by").contains("netra-backend"));
        assertThatThrownBy(() -> deleting.startStep(gateway(), deleting.preview(live, desired, gateway().project()), 0))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT));
        assertThat(gateway().read(old).fingerprint()).isEqualTo(live.fingerprint());
    }

    @org.junit.jupiter.api.Test
    void theCloudRefusesConnectorsAgainstGooglesRules() {
        ResourceRef old = resourceFor(ActionKind.CONNECTOR_REPLACE);
        ResourceState live = gateway().read(old);
        Map<String, String> ok = Map.of(NETWORK, live.require(NETWORK), IP_CIDR_RANGE, "10.166.240.0/28",
                MACHINE_TYPE, "e2-micro", MIN_INSTANCES, "2", MAX_INSTANCES, "3");
        java.util.function.BiConsumer<String, Map<String, String>> refused = (name, attrs) -> assertThatThrownBy(() ->
                gateway().create(new ResourceRef(old.kind(), old.location(), name), attrs)).as(name + " " + attrs)
                .isInstanceOf(CloudException.class);
        refused.accept("a-name-that-is-far-too-long-for-google", ok);
        refused.accept("9-starts-with-a-digit", ok);
        Map<String, String> overlapping = new java.util.HashMap<>(ok);
        overlapping.put(IP_CIDR_RANGE, live.require(IP_CIDR_RANGE));
        refused.accept("overlaps", overlapping);
        assertThatThrownBy(() -> gateway().create(old, ok)).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.kind()).isEqualTo(CloudException.Kind.CONFLICT));

        ResourceRef created = new ResourceRef(old.kind(), old.location(), NEW_CONNECTOR);
        OperationHandle creating = gateway().create(created, ok);
        assertThat(gateway().read(created).require(STATE)).isEqualTo("CREATING");
        assertThat(awaitDone(creating).succeeded()).isTrue();
        assertThat(gateway().read(created).require(STATE)).isEqualTo("READY");
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
