package org.remediation.console.incident.ui;

import org.remediation.console.base.LiveUpdate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Half-minute tick so elapsed times, overruns and the status-update reminder move on their own. */
@Component
class Ticker {

    /** Live event: time moved on. */
    record Tick() implements LiveUpdate {
    }

    private final ApplicationEventPublisher events;

    Ticker(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Scheduled(fixedRate = 30_000, initialDelay = 30_000)
    void tick() {
        events.publishEvent(new Tick());
    }
}
