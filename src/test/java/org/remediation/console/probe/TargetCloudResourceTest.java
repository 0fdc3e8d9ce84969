package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A probe target's optional cloud resource: stored, edited, in YAML both ways, validated by field. */
@SpringBootTest
class TargetCloudResourceTest {

    static final String BACKEND = "RUN_SERVICE/us-central1/netra-backend";

    @Autowired
    ProbeTargetService service;
    @Autowired
    JdbcTemplate jdbc;

    static TargetDraft draft(String key, String cloudResource) {
        return new TargetDraft(key, "Service " + key, "HTTP", Map.of("url", "http://{self}/sandbox/backend/health"),
                Duration.ofSeconds(10), Duration.ofSeconds(2), true, "backend", null, cloudResource);
    }

    ProbeTarget read(String key) {
        return As.user("viewer", Role.VIEWER, () -> service.find(key).orElseThrow());
    }

    @Test
    void theResourceIsStoredAndCanBeClearedByAnEdit() {
        String key = ProbeTargetServiceTest.key();
        ProbeTarget created = As.user("admin", Role.ADMIN, () -> service.create(draft(key, " " + BACKEND + " ")));

        assertThat(created.cloudResource()).isEqualTo(ResourceRef.parse(BACKEND));
        assertThat(jdbc.queryForObject("select cloud_resource from probe_target where target_key = ?", String.class, key))
                .isEqualTo(BACKEND);

        ProbeTarget edited = As.user("admin", Role.ADMIN, () -> service.update(key, draft(key, ""), created.version()));
        assertThat(edited.cloudResource()).isNull();
        assertThat(read(key).cloudResource()).isNull();
    }

    @Test
    void targetsWithoutTheColumnSetStandForNone() {
        String key = ProbeTargetServiceTest.key();
        As.user("admin", Role.ADMIN, () -> service.create(ProbeTargetServiceTest.draft(key)));

        assertThat(jdbc.queryForObject("select cloud_resource from probe_target where target_key = ?", String.class, key))
                .isNull();
        assertThat(read(key).cloudResource()).isNull();
        assertThat(read(key).toDraft().cloudResource()).isNull();
    }

    @Test
    void yamlCarriesTheResourceBothWays() {
        String key = ProbeTargetServiceTest.key();
        ProbeTarget t = As.user("admin", Role.ADMIN, () -> service.create(draft(key, BACKEND)));
        String yaml = As.user("admin", Role.ADMIN, () -> service.exportYaml());
        assertThat(yaml).contains("cloudResource: \"" + BACKEND + "\"");

        As.user("admin", Role.ADMIN, () -> service.update(key, draft(key, null), t.version()));
        As.user("admin", Role.ADMIN, () -> service.importYaml(yaml));

        assertThat(read(key).cloudResource()).isEqualTo(ResourceRef.parse(BACKEND));
    }

    @Test
    void aBadResourceInYamlIsNamedWithPathAndLine() {
        String yaml = """
                targets:
                  - key: %s
                    name: Backend
                    kind: HTTP
                    group: backend
                    interval: 10s
                    timeout: 2s
                    cloudResource: run-service/us-central1/netra-backend
                    settings:
                      url: http://127.0.0.1/health
                """.formatted(ProbeTargetServiceTest.key());

        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.importYaml(yaml)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("targets[0].cloudResource")).as(e.getMessage()).isTrue();
                    assertThat(e.getMessage()).contains("unknown resource kind 'run-service'")
                            .contains("RUN_SERVICE/us-central1/netra-backend").contains("(line 8)");
                });
    }

    @Test
    void aBadResourceInTheFormIsNamedByItsField() {
        assertThatThrownBy(() -> As.user("admin", Role.ADMIN, () -> service.create(
                draft(ProbeTargetServiceTest.key(), "RUN_SERVICE/us-central1"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("cloudResource")).as(e.getMessage()).isTrue();
                    assertThat(e.getMessage()).contains("is not KIND/location/name");
                });
    }
}
