package org.remediation.console.cloud.sandbox;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.CloudReading;
import org.remediation.console.cloud.CloudResourceReader;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The sandbox's Memorystore for Redis instance: read with Google's attribute names, never changed, shown on Resources. */
@SandboxTestSettings
class SandboxRedisTest extends KaribuTest {

    static final ResourceRef REDIS = ResourceRef.parse("REDIS_INSTANCE/us-central1/netra-staging-redis");
    static final ResourceRef CONNECTOR = ResourceRef.parse("VPC_CONNECTOR/us-central1/staging-connector");

    @Autowired
    CloudGateway gateway;
    @Autowired
    SandboxAdminService admin;
    @Autowired
    RemediationService remediation;
    @Autowired
    Clock clock;

    @BeforeEach
    void outageState() {
        As.user("admin", Role.ADMIN, () -> {
            admin.faults().forEach(f -> admin.clearFault(f.target()));
            admin.resetTopology();
        });
    }

    @Test
    void theSandboxReadsTheSeedsRedisOnTheConnectorsNetwork() {
        assertThat(gateway.resources()).contains(REDIS);
        ResourceState redis = gateway.read(REDIS);
        assertThat(redis.attributes()).containsEntry(Attributes.STATE, "READY")
                .containsEntry(Attributes.HOST, "10.166.204.83").containsEntry(Attributes.PORT, "6379")
                .containsEntry(Attributes.AUTHORIZED_NETWORK, "projects/netra-staging/global/networks/staging-vpc")
                .containsEntry(Attributes.CONNECT_MODE, "DIRECT_PEERING").containsKeys(Attributes.TIER,
                        Attributes.MEMORY_SIZE_GB, Attributes.REDIS_VERSION, Attributes.RESERVED_IP_RANGE);
        assertThat(redis.require(Attributes.NETWORK)).isEqualTo(gateway.read(CONNECTOR).require(Attributes.NETWORK));

        CloudReading reading = new CloudResourceReader(gateway, clock).read(REDIS);
        assertThat(reading.healthy()).isTrue();
        assertThat(reading.summary()).contains("10.166.204.83:6379", "staging-vpc");
    }

    @Test
    void aChangeIsRefusedAsReadOnlyAndNothingMoves() {
        ResourceState before = gateway.read(REDIS);
        CloudException e = catchThrowableOfType(CloudException.class, () -> gateway.apply(new CloudChange(REDIS,
                Map.of(Attributes.MEMORY_SIZE_GB, "5"), before.fingerprint())));
        assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT);
        assertThat(e.getMessage()).contains("read-only", REDIS.toString());
        assertThat(gateway.read(REDIS).fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void noActionCanTargetIt() {
        ActionDraft draft = new ActionDraft(ActionKind.SCALE_CONNECTOR, REDIS,
                Map.of(Attributes.MIN_INSTANCES, "3", Attributes.MAX_INSTANCES, "10"), "Redis unreachable",
                null, null, null, 0, List.of(), false);
        List<InvalidInputException.Problem> problems = As.user("operator", Role.OPERATOR,
                () -> remediation.validate(draft));
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("not on " + REDIS));
        assertThat(Arrays.stream(ActionKind.values()).map(ActionKind::resourceKind)).doesNotContain(REDIS.kind());
    }

    @Test
    void theResourcesViewShowsItWithHostAndNetwork() {
        login("viewer", Role.VIEWER);
        navigate("resources");
        @SuppressWarnings("unchecked")
        Grid<ResourceState> grid = _get(Grid.class, spec -> spec.withId("resources"));
        List<ResourceState> rows = IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._get(grid, i)).toList();
        assertThat(rows).filteredOn(s -> s.ref().equals(REDIS)).singleElement().satisfies(s -> {
            assertThat(s.ref().kind().label()).isEqualTo("Memorystore for Redis instance");
            assertThat(s.attributes()).containsEntry(Attributes.HOST, "10.166.204.83")
                    .containsEntry(Attributes.NETWORK, "staging-vpc");
        });
    }
}
