package org.remediation.console.incident.ui;

import org.remediation.console.base.LiveEvents;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Half-minute tick so elapsed times, overruns and the status-update reminder move on their own. */
@Component
class Ticker {

    /** Live event: time moved on. */
    record Tick() {
    }

    private final LiveEvents live;

    Ticker(LiveEvents live) {
        this.live = live;
    }

    @Scheduled(fixedRate = 30_000, initialDelay = 30_000)
    void tick() {
        live.publish(new Tick());
    }
}
