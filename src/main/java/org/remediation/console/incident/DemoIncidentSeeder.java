package org.remediation.console.incident;

import java.time.Clock;
import java.time.Duration;
import org.remediation.console.base.DemoProperties;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Embedded default, first start: INC-1278 from the built-in template, two hours in, so the board is real. */
@Component
@Order(20)
class DemoIncidentSeeder implements ApplicationRunner {

    static final String KEY = "INC-1278";

    private final DemoProperties demo;
    private final IncidentRepository incidents;
    private final PlanFactory factory;
    private final RunbookService runbooks;
    private final Clock clock;

    DemoIncidentSeeder(DemoProperties demo, IncidentRepository incidents, PlanFactory factory,
                       RunbookService runbooks, Clock clock) {
        this.demo = demo;
        this.incidents = incidents;
        this.factory = factory;
        this.runbooks = runbooks;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || incidents.count() > 0) {
            return;
        }
        SystemActor.run(() -> {
            Runbook runbook = factory.read(runbooks.templateYaml("inc-1278"));
            Incident incident = factory.create(KEY, runbook, "commander", clock.instant().minus(Duration.ofHours(2)),
                    SystemActor.NAME);
            incident.status(IncidentStatus.MITIGATING, clock.instant());
            incident.pinned(true);
        });
    }
}
