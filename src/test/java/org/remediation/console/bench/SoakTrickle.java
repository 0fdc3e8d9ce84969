package org.remediation.console.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.TaskState;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The soak's steady trickle of people's work through the real services: a responder ticks or
 * unticks a phase-1 task every {@code tickSeconds}; every {@code actionSeconds} an operator requests
 * a sandbox health-check change (alternating thresholds), a commander approves it when needed, the
 * operator runs it, and the next round checks it succeeded. Every exception and every action that
 * did not succeed counts as an error.
 */
public final class SoakTrickle implements AutoCloseable {

    private static final ResourceRef HEALTH_CHECK = ResourceRef.parse("HEALTH_CHECK/global/netra-backend-hc");

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong actions = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>("");
    private final AtomicReference<Long> pendingAction = new AtomicReference<>();

    public SoakTrickle(ConfigurableApplicationContext ctx, String incident, int tickSeconds, int actionSeconds) {
        IncidentService incidents = ctx.getBean(IncidentService.class);
        ChecklistService checklist = ctx.getBean(ChecklistService.class);
        RemediationService remediation = ctx.getBean(RemediationService.class);
        timer.scheduleAtFixedRate(() -> guarded(() -> tick(incidents, checklist, incident)), tickSeconds, tickSeconds, TimeUnit.SECONDS);
        timer.scheduleAtFixedRate(() -> guarded(() -> act(remediation)), 5, actionSeconds, TimeUnit.SECONDS);
    }

    private void tick(IncidentService incidents, ChecklistService checklist, String incident) {
        List<TaskState> tasks = As.user("responder", Role.RESPONDER, () -> incidents.phases(incident).getFirst().tasks());
        TaskState task = tasks.get((int) (ticks.get() % tasks.size()));
        As.user("responder", Role.RESPONDER, () -> checklist.setDone(task.id(), task.version(), !task.done()));
        ticks.incrementAndGet();
    }

    private void act(RemediationService remediation) {
        Long previous = pendingAction.getAndSet(null);
        if (previous != null) {
            ActionRecord done = As.user("operator", Role.OPERATOR, () -> remediation.get(previous));
            if (done.status() == ActionStatus.SUCCEEDED) {
                succeeded.incrementAndGet();
            } else {
                fail("action " + previous + " ended " + done.status());
            }
        }
        String threshold = actions.get() % 2 == 0 ? "4" : "3";
        ActionRecord requested = As.user("operator", Role.OPERATOR, () -> remediation.request(ActionDraft.of(ActionKind.HEALTH_CHECK,
                HEALTH_CHECK, Map.of("unhealthyThreshold", threshold), "soak: trickle of sandbox actions")));
        if (requested.approvalRequired()) {
            As.user("commander", Role.COMMANDER, () -> remediation.approve(requested.id()));
        }
        As.user("operator", Role.OPERATOR, () -> remediation.execute(requested.id()));
        actions.incrementAndGet();
        pendingAction.set(requested.id());
    }

    private void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void fail(String what) {
        errors.incrementAndGet();
        lastError.set(what);
        System.out.println("  soak error: " + what);
    }

    public long ticks() {
        return ticks.get();
    }

    public long actions() {
        return actions.get();
    }

    public long succeeded() {
        return succeeded.get();
    }

    public long errors() {
        return errors.get();
    }

    public String lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
