package org.remediation.console.cloud.sandbox;

import org.remediation.console.base.identity.SystemActor;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.ResourceKind;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.cluster.Cluster;
import org.remediation.console.cloud.ResourceRef;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the #1278 topology on first start, applies configured faults, and resets on request.
 * Seeds once the context is refreshed: only then is Vaadin's security-context strategy the one
 * method security reads, so the audit trail sees the system identity (demo probe targets are
 * created later still, when the application is ready).
 */
class SandboxSeeder implements ApplicationListener<ContextRefreshedEvent> {

    private final SandboxStore store;
    private final Clock clock;
    private final SandboxProperties properties;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Cluster cluster;

    SandboxSeeder(SandboxStore store, Clock clock, SandboxProperties properties, AuditService audit,
                  PlatformTransactionManager txm, Cluster cluster) {
        this.cluster = cluster;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        this.audit = audit;
        this.tx = new TransactionTemplate(txm);
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        seed();
    }

    void seed() {
        SystemActor.run(() -> tx.executeWithoutResult(s -> {
            cluster.seedOneAtATime(); // consoles started together on an empty database: one inserts the topology
            SandboxTopology.initial(clock.instant()).forEach(store::insertResourceIfAbsent);
            carryForwardVpcAccess();
            properties.faults().forEach((target, fault) -> {
                if (store.fault(target).map(r -> r.fault() != fault).orElse(true)) {
                    store.putFault(new FaultRule(target, fault, "configuration", clock.instant()));
                    audit.append(SystemActor.NAME, "sandbox.fault.set", "sandbox:" + target,
                            Map.of("fault", fault.name(), "source", "console.sandbox.faults"));
                }
            });
        }));
    }

    /** Services stored before the sandbox modelled their connector get the #1278 one (added in issue 17). */
    private void carryForwardVpcAccess() {
        SandboxTopology.initial(clock.instant()).forEach((ref, initial) -> {
            if (ref.kind() == ResourceKind.RUN_SERVICE) {
                store.lockResource(ref).filter(stored -> !stored.containsKey(Attributes.VPC_CONNECTOR)).ifPresent(stored -> {
                    Map<String, String> next = new TreeMap<>(stored);
                    next.putAll(SandboxTopology.vpcAccess(initial));
                    store.replaceResource(ref, next);
                });
            }
        });
    }

    /** Puts every resource back to the #1278 state and abandons open operations. */
    void reset() {
        for (SandboxStore.Operation op : store.allOpenOperations()) {
            store.finish(op.id(), "Abandoned: the sandbox was reset.", clock.instant());
        }
        Map<ResourceRef, Map<String, String>> initial = SandboxTopology.initial(clock.instant());
        for (String stored : store.resourceRefs()) {
            if (!initial.containsKey(ResourceRef.parse(stored))) {
                store.deleteResource(ResourceRef.parse(stored)); // e.g. a connector created by a drill
            }
        }
        for (Map.Entry<ResourceRef, Map<String, String>> e : initial.entrySet()) {
            store.replaceResource(e.getKey(), e.getValue());
        }
    }
}
