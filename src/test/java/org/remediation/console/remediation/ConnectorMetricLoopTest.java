package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.remediation.console.remediation.ActionTestSupport.*;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.base.egress.EgressPolicy;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.probe.GcpMetricProbe;
import org.remediation.console.probe.Outcome;
import org.remediation.console.probe.ProbeRequest;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 18's loop in the sandbox: the demo targets {@code connector-cpu}, {@code lb-5xx} and
 * {@code capacity-warnings}, read through {@link GcpMetricProbe} with their own settings, show the
 * #1278 connector over 70 % with 5xx and warnings, and under 70 % with none once the scale-up
 * action has run through request, approval and execution.
 */
@SpringBootTest
@SandboxTestSettings
class ConnectorMetricLoopTest {

    @Autowired
    RemediationService service;
    @Autowired
    SandboxAdminService sandbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GcpMetricProbe probe;
    @Autowired
    ProbeTargetService targets;
    @Autowired
    Clock clock;
    @Autowired
    IncidentService incidents;
    @Autowired
    RunbookService runbooks;

    @BeforeEach
    void reset() {
        resetSandbox(sandbox, jdbc);
        ActionTestSupport.ensureP3Incident(incidents, runbooks);
    }

    @Test
    void connectorUtilisationIsAboveSeventyPercentBeforeTheScaleUpAndBelowAfter() {
        ProbeResult before = read("connector-cpu");
        assertThat(before.outcome()).as(before.error()).isEqualTo(Outcome.UP);
        assertThat(before.metricValue()).isGreaterThan(70.0);
        assertThat(before.measurements()).containsEntry("unit", "%");
        assertThat(read("lb-5xx").metricValue()).isPositive();
        assertThat(read("capacity-warnings").metricValue()).isPositive();

        ActionRecord scale = request(service, "operator", ActionKind.SCALE_CONNECTOR, CONNECTOR,
                Map.of(Attributes.MIN_INSTANCES, "3", Attributes.MAX_INSTANCES, "10", Attributes.MACHINE_TYPE, "e2-standard-4"));
        if (scale.status() == ActionStatus.AWAITING_APPROVAL) {
            As.user("commander", Role.COMMANDER, () -> service.approve(scale.id()));
        }
        As.user("operator", Role.OPERATOR, () -> service.execute(scale.id()));
        ActionRecord done = awaitEnd(service, scale.id());
        assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);

        ProbeResult after = read("connector-cpu");
        assertThat(after.outcome()).as(after.error()).isEqualTo(Outcome.UP);
        assertThat(after.metricValue()).isLessThan(70.0);
        ProbeResult fiveXx = read("lb-5xx");
        assertThat(fiveXx.outcome()).as(fiveXx.measurements().toString()).isEqualTo(Outcome.UP);
        assertThat(fiveXx.metricValue()).as(fiveXx.measurements().toString()).isNotNull();
        assertThat(fiveXx.metricValue()).as("no 5xx: no series, read as 0 because the requests reported").isZero();
        assertThat(fiveXx.measurements()).containsEntry("seriesCount", 0);
        assertThat(read("capacity-warnings").metricValue()).isZero();
        assertThat(read("connector-instances").metricValue()).isGreaterThanOrEqualTo(3.0);
        ProbeResult throughput = read("connector-throughput");
        assertThat(throughput.outcome()).as(throughput.measurements().toString()).isEqualTo(Outcome.UP);
        assertThat(throughput.metricValue()).as("the seeds' 200 Mbps baseline: " + throughput.measurements())
                .isGreaterThanOrEqualTo(200.0);
    }

    /** One run of the demo target, with its stored settings and interval, as the scheduler would run it. */
    private ProbeResult read(String key) {
        ProbeTarget t = As.user("viewer", Role.VIEWER, () -> targets.find(key)).orElseThrow();
        return probe.run(new ProbeRequest(key, t.settings(), t.timeout(), ref -> "", clock, EgressPolicy.DEFAULT, t.interval()));
    }
}
