package org.remediation.console.cloud.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.cloud.gcp.fake.FakeSqlAdmin;
import org.remediation.console.remediation.ActionCatalog;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.Preview;
import org.remediation.console.remediation.RemediationAction;

/**
 * A Cloud SQL flag set by name only (type NONE) has no {@code value}: it reads as "set, no value" and
 * every later flag patch sends it back without one. Before the fix it read as the string "null", which
 * the next patch sent as its value and Cloud SQL (here the fake) refused.
 */
class SqlFlagWithoutValueTest {

    static final ResourceRef MYSQL = ResourceRef.parse("SQL_INSTANCE/us-central1/netra-mysql");
    static final String FLAG = Attributes.FLAG_PREFIX + FakeSqlAdmin.NO_VALUE_FLAG;

    FakeGoogle google;
    GcpCloudGateway gateway;

    @BeforeEach
    void start() {
        google = FakeGoogle.start();
        gateway = google.gateway(Clock.systemUTC());
        Map<String, String> flags = new HashMap<>();
        flags.put(FakeSqlAdmin.NO_VALUE_FLAG, null);
        flags.put("max_connections", "100");
        google.sqlAdmin().put(FakeGoogle.PROJECT, MYSQL.name(), FakeGoogle.REGION, "MYSQL_8_0", "db-custom-2-7680", flags);
    }

    @AfterEach
    void stop() {
        gateway.close();
        google.close();
    }

    @Test
    void aFlagWithoutValueReadsAsSetWithoutValue() {
        assertThat(gateway.read(MYSQL).get(FLAG)).contains(Attributes.FLAG_SET_WITHOUT_VALUE);
    }

    @Test
    void anotherFlagsPatchSendsItBackWithoutAValue() {
        RemediationAction action = ActionCatalog.standard().get(ActionKind.SQL_FLAG);
        ResourceState live = gateway.read(MYSQL);
        Map<String, String> desired = action.validate(Map.of("flag", "max_connections", "value", "200"), live);
        Preview preview = action.preview(live, desired, gateway.project());
        assertThat(preview.gcloud()).containsPattern("[=,]" + FakeSqlAdmin.NO_VALUE_FLAG + "=[ ,]").doesNotContain("null");

        GcpGatewayTest.awaitDone(gateway, action.apply(gateway, preview, java.util.UUID.randomUUID().toString()));

        JsonObject sent = null;
        for (JsonElement f : google.sqlAdmin().get(MYSQL.name()).getAsJsonObject("settings").getAsJsonArray("databaseFlags")) {
            if (f.getAsJsonObject().get("name").getAsString().equals(FakeSqlAdmin.NO_VALUE_FLAG)) {
                sent = f.getAsJsonObject();
            }
        }
        assertThat(sent).as("the flag is still set").isNotNull();
        assertThat(sent.has("value")).as("and still has no value").isFalse();
        ResourceState after = gateway.read(MYSQL);
        assertThat(after.get(FLAG)).contains(Attributes.FLAG_SET_WITHOUT_VALUE);
        assertThat(after.get(Attributes.FLAG_PREFIX + "max_connections")).contains("200");
    }

    @Test
    void theFakeRefusesAValueForAFlagThatTakesNone() {
        ResourceState live = gateway.read(MYSQL);
        Map<String, String> desired = new HashMap<>(live.attributes());
        desired.keySet().removeIf(k -> !k.startsWith(Attributes.FLAG_PREFIX));
        desired.put(FLAG, "on");
        // the adapter's own check (flags().list says NONE) stops it before anything is sent
        assertThatThrownBy(() -> gateway.apply(new CloudChange(MYSQL, desired, live.fingerprint())))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudException.Kind.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).contains("takes no value");
                });
        assertThat(gateway.read(MYSQL).fingerprint()).isEqualTo(live.fingerprint());
    }
}
