package org.remediation.console.cloud.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remediation.console.cloud.Attributes.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.ResourceState;
import org.remediation.console.remediation.SandboxTestSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** V0535 carries a service stored by the previous sandbox forward: default startup probe, no tags, nothing lost. */
@SpringBootTest
@SandboxTestSettings
class SandboxRunMigrationTest {

    static final ResourceRef LEGACY = ResourceRef.parse("RUN_SERVICE/us-central1/legacy-before-v0535");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CloudGateway gateway;

    @Test
    void anOldServiceRowGetsTheDefaultProbeAndKeepsItsAttributes() throws Exception {
        jdbc.update("delete from sandbox_resource where resource_ref = ?", LEGACY.toString());
        jdbc.update("insert into sandbox_resource (resource_ref, attrs) values (?, ?)", LEGACY.toString(),
                "{\"cpu\":\"1\",\"latestReadyRevision\":\"legacy-00002\",\"maxInstances\":\"10\",\"memory\":\"2Gi\","
                        + "\"minInstances\":\"1\",\"reconciling\":\"false\",\"revisions\":\"legacy-00001,legacy-00002\","
                        + "\"state\":\"READY\",\"timeoutSeconds\":\"300\",\"traffic\":\"legacy-00002=100\"}");
        String sql = Files.readString(Path.of("db/common/V0535__sandbox_run_startup_probe.sql"));
        jdbc.update(sql.replaceAll("(?m)^--.*$", "").trim().replaceAll(";$", ""));
        jdbc.update(sql.replaceAll("(?m)^--.*$", "").trim().replaceAll(";$", "")); // runs once per row only

        ResourceState migrated = gateway.read(LEGACY);
        assertThat(migrated.attributes()).containsEntry(PROBE_TYPE, "TCP").containsEntry(PROBE_PORT, "8080")
                .containsEntry(PROBE_PERIOD, "240").containsEntry(PROBE_TIMEOUT, "240")
                .containsEntry(PROBE_FAILURE_THRESHOLD, "1").containsEntry(PROBE_INITIAL_DELAY, "0")
                .containsEntry(PROBE_PATH, "").containsEntry(TRAFFIC_TAGS, "").containsEntry(MEMORY, "2Gi")
                .containsEntry(TRAFFIC, "legacy-00002=100").containsEntry(SERVING, "legacy-00002=100");
        assertThat(jdbc.queryForObject("select version from sandbox_resource where resource_ref = ?", Long.class,
                LEGACY.toString())).isEqualTo(1L);
        jdbc.update("delete from sandbox_resource where resource_ref = ?", LEGACY.toString());
    }
}
