package org.remediation.console.incident.ui;

import org.remediation.console.base.LiveUpdate;
import org.remediation.console.base.cluster.NodeLocal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A tick at the start of every minute so elapsed times, overruns and the status-update reminder move
 * on their own. Boards write times to the minute; a tick at a fixed rate from an arbitrary start
 * left an open board up to a tick behind a fresh load ("2h 08m" beside "2h 09m", issue 15).
 */
@Component
class Ticker {

    /** Live event: time moved on. Every console ticks its own boards, so it is never sent to the others. */
    record Tick() implements LiveUpdate, NodeLocal {
    }

    private final ApplicationEventPublisher events;

    Ticker(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Scheduled(cron = "0 * * * * *")
    void tick() {
        events.publishEvent(new Tick());
    }
}
