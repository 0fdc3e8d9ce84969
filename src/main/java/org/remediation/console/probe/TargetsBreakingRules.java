package org.remediation.console.probe;

import java.util.ArrayList;
import java.util.List;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, one line naming every stored target that the current rules would refuse or whose secret
 * is not set, with what to change. After an upgrade that tightened the rules (issue 16: env:
 * references renamed to secret:, plain Authorization headers, regexes only a backtracking engine
 * runs) those targets report an ERROR on every run until they are edited; this says so up front.
 */
@Component
class TargetsBreakingRules {

    private static final Logger log = LoggerFactory.getLogger(TargetsBreakingRules.class);

    private final ProbeTargetService targets;
    private final ProbeRunner runner;
    private final CredentialRefs credentials;

    TargetsBreakingRules(ProbeTargetService targets, ProbeRunner runner, CredentialRefs credentials) {
        this.targets = targets;
        this.runner = runner;
        this.credentials = credentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        List<String> found = check(SystemActor.call(targets::all));
        if (!found.isEmpty()) {
            log.warn("Probe targets that report an ERROR until they are edited: {}", String.join("; ", found));
        }
    }

    /** One entry per target that breaks a rule: its key and every problem, as saving it now would report them. */
    List<String> check(List<ProbeTarget> all) {
        List<String> found = new ArrayList<>();
        for (ProbeTarget t : all) {
            Problems p = new Problems();
            TargetRules.check(t.toDraft(), runner, credentials::resolvable, p);
            if (!p.isEmpty()) {
                found.add(t.key() + " (" + String.join(", ", p.list().stream().map(x -> x.field() + ": " + x.message()).toList())
                        + ")");
            }
        }
        return found;
    }
}
