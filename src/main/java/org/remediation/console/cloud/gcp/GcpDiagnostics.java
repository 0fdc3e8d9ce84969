package org.remediation.console.cloud.gcp;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reports per Google API whether it is reachable and which permissions the console's credentials
 * lack. Runs once after start-up (in the background, logged, never blocking start) and on demand
 * from the diagnostics page; each new report is published as a live event.
 */
@Service
@SignedIn
public class GcpDiagnostics {

    private static final Logger log = LoggerFactory.getLogger(GcpDiagnostics.class);

    private final ObjectProvider<GcpCloudGateway> gateway;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicReference<@Nullable GcpDiagnosisReport> latest = new AtomicReference<>();

    public GcpDiagnostics(ObjectProvider<GcpCloudGateway> gateway, ApplicationEventPublisher events, Clock clock) {
        this.gateway = gateway;
        this.events = events;
        this.clock = clock;
    }

    /** True when the console runs on Google Cloud ({@code console.cloud.provider=gcp}). */
    public boolean enabled() {
        return gateway.getIfAvailable() != null;
    }

    /** The latest report, if any check has run. */
    @RolesAllowed(Roles.ADMIN)
    public @Nullable GcpDiagnosisReport latest() {
        return latest.get();
    }

    /** Runs every check now and returns (and publishes) the new report. */
    @RolesAllowed(Roles.ADMIN)
    public GcpDiagnosisReport runNow() {
        return check();
    }

    /** Checks once after start-up and logs each API's verdict (see {@link GcpStartupCheck}). */
    void checkAndLog() {
        check().apis().forEach(a -> {
            if (a.status() == ApiDiagnosis.Status.OK) {
                log.info("Google API {}: OK", a.api());
            } else {
                log.warn("Google API {}: {} missing={} {}", a.api(), a.status(), a.missing(), a.notes());
            }
        });
    }

    private GcpDiagnosisReport check() {
        GcpCloudGateway g = gateway.getIfAvailable();
        GcpDiagnosisReport report = g == null
                ? new GcpDiagnosisReport(clock.instant(), "", false, "", List.of())
                : GcpProbes.diagnose(g, clock.instant());
        latest.set(report);
        events.publishEvent(report);
        return report;
    }
}
