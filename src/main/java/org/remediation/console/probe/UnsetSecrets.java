package org.remediation.console.probe;

import java.util.ArrayList;
import java.util.List;
import org.remediation.console.base.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, one line naming every target whose credential reference does not resolve, with what
 * to set: after the upgrade that renamed {@code env:NAME} to {@code secret:NAME} (V0523), the old
 * environment variables are no longer read, and those targets report missing-credential until the
 * secret is set.
 */
@Component
class UnsetSecrets {

    private static final Logger log = LoggerFactory.getLogger(UnsetSecrets.class);

    private final ProbeTargetService targets;
    private final ProbeRunner runner;
    private final CredentialRefs credentials;

    UnsetSecrets(ProbeTargetService targets, ProbeRunner runner, CredentialRefs credentials) {
        this.targets = targets;
        this.runner = runner;
        this.credentials = credentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        List<String> unset = new ArrayList<>();
        for (ProbeTarget t : SystemActor.call(targets::all)) {
            Probe probe = runner.probe(t.kind());
            if (probe == null) {
                continue;
            }
            probe.references(t.settings()).stream().filter(ref -> !credentials.resolvable(ref)).distinct()
                    .forEach(ref -> unset.add(t.key() + " (" + ref + ": " + CredentialRefs.howToSet(ref) + ")"));
        }
        if (!unset.isEmpty()) {
            log.warn("Probe targets with credentials that are not set, reported as missing-credential until they are: {}. "
                    + "The console reads secrets only from its own namespace; env: references became secret: in the upgrade.",
                    String.join("; ", unset));
        }
    }
}
