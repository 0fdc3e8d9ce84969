package org.remediation.console.audit;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Before anything is audited at start: the key is loaded (or generated) so a bad key file refuses the
 * start; an anchor left by an earlier database at this location is set aside when this one's trail is
 * empty (a database deleted to start over, README).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditStartup.class);

    private final AuditKeySource keys;
    private final AuditAnchors anchors;
    private final AuditStore store;
    private final Clock clock;

    AuditStartup(AuditKeySource keys, AuditAnchors anchors, AuditStore store, Clock clock) {
        this.keys = keys;
        this.anchors = anchors;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.keys();
        try {
            var anchor = anchors.latest();
            if (store.headSeq() == 0 && anchor.isPresent()) {
                log.warn("The audit trail is empty but {} anchored event #{} of a database at this location: taken for a new"
                        + " database (if it was not recreated on purpose, its audit trail was wiped); old anchor kept as {}",
                        anchors.file(), anchor.get().seq(), anchors.setAside(clock.instant()));
            }
        } catch (IllegalStateException e) {
            log.error("{} (verify() reports the chain as broken until it is fixed or removed)", e.getMessage());
        }
    }
}
