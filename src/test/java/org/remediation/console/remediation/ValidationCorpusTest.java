package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invalid parameter sets for every action kind: each is rejected naming the field, and nothing is written. */
@SpringBootTest
@SandboxTestSettings
class ValidationCorpusTest {

    @Autowired
    RemediationService service;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    CloudGateway gateway;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.remediation.console.incident.IncidentService fixtureIncidents;
    @Autowired
    org.remediation.console.incident.RunbookService fixtureRunbooks;

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
        ActionTestSupport.ensureP3Incident(fixtureIncidents, fixtureRunbooks);
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                // scale-connector (live: min 2, max 3, e2-micro)
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "5", "maxInstances", "50", "machineType", "e2-standard-8"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "machineType", "minInstances", "3", "maxInstances", "10", "machineType", "e2-standard-8"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "1", "maxInstances", "3"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "10", "maxInstances", "10"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "2", "maxInstances", "11"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "3", "maxInstances", "3"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "5", "maxInstances", "4"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "abc", "maxInstances", "5"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "3"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "maxInstances", "5"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "maxInstances", "minInstances", "2", "maxInstances", "3"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "machineType", "minInstances", "2", "maxInstances", "4", "machineType", "n1-standard-1"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "bogus", "minInstances", "2", "maxInstances", "4", "bogus", "1"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "-1", "maxInstances", "4"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", "2.5", "maxInstances", "4"),
                c(ActionKind.SCALE_CONNECTOR, CONNECTOR, "minInstances", "minInstances", " ", "maxInstances", "4"),
                c(ActionKind.SCALE_CONNECTOR, DATABASE, "resource", "minInstances", "3", "maxInstances", "4"),
                // sql-tier (live: db-custom-2-7680)
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", ""),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-3-7680"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-7000"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-1024"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-16384"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-98-200704"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-n1-standard-1"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "db-custom-2-7680"),
                c(ActionKind.SQL_TIER, DATABASE, "tier", "tier", "DB-CUSTOM-4-15360"),
                c(ActionKind.SQL_TIER, DATABASE, "size", "tier", "db-custom-4-15360", "size", "large"),
                c(ActionKind.SQL_TIER, HEALTH_CHECK, "resource", "tier", "db-custom-4-15360"),
                // sql-flag (live: max_connections=100)
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "10"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "262144"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "abc"),
                c(ActionKind.SQL_FLAG, DATABASE, "flag", "flag", "shared_buffers", "value", "1"),
                c(ActionKind.SQL_FLAG, DATABASE, "flag", "value", "200"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "100"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "work_mem", "value", "10"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "log_min_duration_statement", "value", "-2"),
                c(ActionKind.SQL_FLAG, DATABASE, "value", "flag", "max_connections", "value", "1.5"),
                // run-resources (live backend: 2Gi, 1 CPU, 300 s, 1–20 instances)
                c(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "64Mi"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "40Gi"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "4GB"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "8Gi"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "3"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "0.05"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "1.5"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "memory", "16Gi", "cpu", "2"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "memory", "1Gi", "cpu", "0.25"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "cpu", "cpu", "abc"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "timeoutSeconds", "timeoutSeconds", "0"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "timeoutSeconds", "timeoutSeconds", "3601"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "minInstances", "minInstances", "-1"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "maxInstances", "maxInstances", "0"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "maxInstances", "minInstances", "30"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "memory"),
                c(ActionKind.RUN_RESOURCES, BACKEND, "memory", "memory", "2Gi"),
                // run-traffic (live backend: LATEST has 100 %, which is 00002)
                c(ActionKind.RUN_TRAFFIC, BACKEND, "revision", "revision", "netra-backend-00009"),
                c(ActionKind.RUN_TRAFFIC, BACKEND, "revision"),
                c(ActionKind.RUN_TRAFFIC, BACKEND, "percent", "revision", "netra-backend-00001", "percent", "0"),
                c(ActionKind.RUN_TRAFFIC, BACKEND, "percent", "revision", "netra-backend-00001", "percent", "101"),
                c(ActionKind.RUN_TRAFFIC, BACKEND, "revision", "revision", "LATEST"),
                c(ActionKind.RUN_TRAFFIC, BACKEND, "percent", "revision", "netra-backend-00002", "percent", "50"),
                // run-env (live: ENVIRONMENT, REDIS_AUTH_TOKEN masked, DB_PASSWORD from Secret Manager)
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "PORT=9000"),
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "K_SERVICE=x"),
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "1BAD=x"),
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "API_KEY=abc"),
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "DB_URL=postgres://u:pw@10.0.0.5/db"),
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "A=1,2"),
                c(ActionKind.RUN_ENV, BACKEND, "set", "set", "ENVIRONMENT=staging"),
                c(ActionKind.RUN_ENV, BACKEND, "sendAllTraffic", "set", "DB_CONNECTION_TIMEOUT=600", "sendAllTraffic", "yes"),
                c(ActionKind.RUN_ENV, BACKEND, "remove", "remove", "DB_PASSWORD"),
                c(ActionKind.RUN_ENV, BACKEND, "remove", "remove", "NOT_THERE"),
                c(ActionKind.RUN_ENV, BACKEND, "set"),
                // run-startup-probe (live: Cloud Run's default TCP probe 8080, 240 s / 240 s / 1)
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "initialDelaySeconds", "initialDelaySeconds", "241"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "timeoutSeconds", "periodSeconds", "5", "timeoutSeconds", "10"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "failureThreshold", "initialDelaySeconds", "30", "failureThreshold", "10"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "path", "type", "HTTP"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "path", "type", "HTTP", "path", "health"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "type", "type", "GRPC"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "port", "port", "70000"),
                c(ActionKind.RUN_STARTUP_PROBE, BACKEND, "initialDelaySeconds"),
                // health-check (live: 5 s / 5 s / 2 / 2)
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec", "checkIntervalSec", "0"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec", "checkIntervalSec", "301"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "timeoutSec", "timeoutSec", "10"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "timeoutSec", "checkIntervalSec", "3"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "healthyThreshold", "healthyThreshold", "0"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "unhealthyThreshold", "unhealthyThreshold", "11"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "checkIntervalSec", "healthyThreshold", "2"),
                c(ActionKind.HEALTH_CHECK, HEALTH_CHECK, "healthyThreshold", "healthyThreshold", "x"),
                // health-check-target (live: HTTP, port 8080, /health)
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "requestPath", "requestPath", "health/basic"),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "requestPath", "requestPath", "/health?full=1"),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "requestPath", "requestPath", "/health basic"),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "requestPath", "requestPath", "/" + "a".repeat(1024)),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "port", "port", "0"),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "port", "port", "65536"),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "requestPath"),
                c(ActionKind.HEALTH_CHECK_TARGET, HEALTH_CHECK, "requestPath", "requestPath", "/health", "port", "8080"));
    }

    private static Arguments c(ActionKind kind, ResourceRef ref, String field, String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return Arguments.of(kind, ref, params, field);
    }

    @ParameterizedTest(name = "{0} {2} is rejected on {3}")
    @MethodSource("corpus")
    void invalidParametersAreRejectedAndNothingIsWritten(ActionKind kind, ResourceRef ref, Map<String, String> params,
                                                          String field) {
        String fingerprint = gateway.read(ref).fingerprint();
        long actions = actionCount(jdbc);
        long audits = auditCount(jdbc);
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () ->
                service.request(ActionDraft.of(kind, ref, params, "corpus"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names(field)).as(e.getMessage()).isTrue());
        assertThat(actionCount(jdbc)).isEqualTo(actions);
        assertThat(auditCount(jdbc)).isEqualTo(audits);
        assertThat(gateway.read(ref).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void theSeedsConnectorRequestIsRejectedWithTheValidRange() {
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(
                ActionKind.SCALE_CONNECTOR, CONNECTOR, Map.of("minInstances", "5", "maxInstances", "50",
                        "machineType", "e2-standard-8"), "seeds' plan"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).contains("between 3 and 10").contains("f1-micro, e2-micro, e2-standard-4");
                });
    }

    @Test
    void draftProblemsAreReportedTogetherAndNothingIsWritten() {
        long actions = actionCount(jdbc);
        ActionDraft bad = new ActionDraft(ActionKind.HEALTH_CHECK, HEALTH_CHECK, Map.of("checkIntervalSec", "10"), " ",
                "", null, "P5", 500, List.of("nope"), true);
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.request(bad)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("reason")).isTrue();
                    assertThat(e.names("incidentSeverity")).isTrue();
                    assertThat(e.names("taskId")).isTrue();
                    assertThat(e.names("watchMinutes")).isTrue();
                    assertThat(e.names("watchSignals")).isTrue();
                });
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.request(ActionDraft.of(ActionKind.HEALTH_CHECK,
                new ResourceRef(HEALTH_CHECK.kind(), "global", "not-in-this-cloud"), Map.of("checkIntervalSec", "10"), "x"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.names("resource")).isTrue());
        assertThat(actionCount(jdbc)).isEqualTo(actions);
    }

    @Test
    void connectorInstancesCannotBeLoweredInPlace() {
        ActionRecord up = request(service, "operator", ActionKind.SCALE_CONNECTOR, CONNECTOR,
                Map.of("minInstances", "3", "maxInstances", "6"));
        assertThat(up.preview().sideEffects()).contains(SideEffect.IRREVERSIBLE_IN_PLACE);
        assertThat(up.preview().rollback().possibleInPlace()).isFalse();
        As.user("commander", Role.COMMANDER, () -> service.approve(up.id()));
        As.user("operator", Role.OPERATOR, () -> service.execute(up.id()));
        assertThat(awaitEnd(service, up.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThatThrownBy(() -> request(service, "operator", ActionKind.SCALE_CONNECTOR, CONNECTOR,
                Map.of("minInstances", "2", "maxInstances", "5")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.names("minInstances")).isTrue();
                    assertThat(e.names("maxInstances")).isTrue();
                    assertThat(e.getMessage()).contains("cannot be lowered in place");
                });
        assertThatThrownBy(() -> As.user("operator", Role.OPERATOR, () -> service.requestRollback(up.id(), "undo")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .contains("recreating the connector"));
    }
}
