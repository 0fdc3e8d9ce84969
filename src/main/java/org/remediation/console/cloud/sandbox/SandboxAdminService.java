package org.remediation.console.cloud.sandbox;

import org.remediation.console.base.identity.SignedIn;
import org.remediation.console.base.LiveUpdate;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.springframework.transaction.annotation.Transactional;

/** Failure injection for drills and tests, and a reset to the #1278 state. ADMIN only; audited. */
@SignedIn
public class SandboxAdminService {

    /** Published after faults or the topology change, so open views refresh. */
    public record SandboxChanged() implements LiveUpdate {
    }

    private final SandboxStore store;
    private final Clock clock;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final SandboxSeeder seeder;

    SandboxAdminService(SandboxStore store, Clock clock, AuditService audit, ApplicationEventPublisher events, SandboxSeeder seeder) {
        this.store = store;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
        this.seeder = seeder;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<FaultRule> faults() {
        return List.copyOf(store.faults().values());
    }

    /** What a fault may target: every resource, then every operation kind. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<String> targets() {
        List<String> all = new ArrayList<>(SandboxTopology.initial(clock.instant()).keySet().stream()
                .map(ResourceRef::toString).toList());
        all.addAll(SandboxChanges.operationKinds());
        return all;
    }

    public static List<String> operationKinds() {
        return SandboxChanges.operationKinds();
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public FaultRule setFault(String target, Fault fault) {
        if (target == null || !targets().contains(target.trim())) {
            throw new InvalidInputException("target", "Choose a resource (KIND/location/name) or an operation kind ("
                    + String.join(", ", SandboxChanges.operationKinds()) + ").");
        }
        FaultRule rule = new FaultRule(target.trim(), fault, CurrentUser.require(), clock.instant());
        store.putFault(rule);
        audit.record("sandbox.fault.set", "sandbox:" + rule.target(), Map.of("fault", fault.name()));
        events.publishEvent(new SandboxChanged());
        return rule;
    }

    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void clearFault(String target) {
        if (store.deleteFault(target)) {
            audit.record("sandbox.fault.cleared", "sandbox:" + target, Map.of());
            events.publishEvent(new SandboxChanged());
        }
    }

    /** Returns every resource to the #1278 outage state (for the next drill); faults are kept. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public void resetTopology() {
        seeder.reset();
        audit.record("sandbox.reset", "sandbox:topology", Map.of("faults", store.faults().keySet().toString()));
        events.publishEvent(new SandboxChanged());
    }
}
