package org.remediation.console.remediation;

import org.remediation.console.base.identity.SystemActor;
import static org.remediation.console.remediation.ActionStore.columns;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.jspecify.annotations.Nullable;
import org.remediation.console.notify.Notification;
import org.remediation.console.notify.Notifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After a successful action, watches the chosen signals for N minutes against the readings taken
 * when it succeeded; a regression raises an alert (banner, timeline, notification) and, where the action
 * asked for it, an automatic rollback pre-authorised by the original approval.
 */
@Component
class WatchWindow {

    private final ActionStore store;
    private final ActionJournal journal;
    private final ObjectProvider<WatchSignals> signals;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ActionRollbacks rollbacks;
    private final TransactionTemplate tx;
    private final Notifier notifier;

    WatchWindow(ActionStore store, ActionJournal journal, ObjectProvider<WatchSignals> signals, ApplicationEventPublisher events, Clock clock,
                Notifier notifier, @Lazy ActionRollbacks rollbacks, PlatformTransactionManager txm) {
        this.store = store;
        this.journal = journal;
        this.signals = signals;
        this.events = events;
        this.clock = clock;
        this.notifier = notifier;
        this.rollbacks = rollbacks;
        this.tx = new TransactionTemplate(txm);
    }

    void check() {
        WatchSignals source = signals.getIfAvailable();
        for (ActionRecord a : store.watching()) {
            if (!clock.instant().isBefore(a.watchUntil())) {
                end(a, "watch-ended", "Watch window ended: no regression of " + String.join(", ", a.watchSignals()) + ".");
                continue;
            }
            if (source == null) {
                continue; // no signal source in this process: nothing to compare until the window ends
            }
            Map<String, WatchSignals.Reading> now = source.read(a.watchSignals());
            Map<String, String> baseline = baseline(a, source);
            List<String> regressions = new ArrayList<>();
            now.forEach((key, reading) -> {
                WatchSignals.Level before = WatchSignals.Level.valueOf(baseline.getOrDefault(key, "UNKNOWN"));
                if (reading.level() != WatchSignals.Level.UNKNOWN && before != WatchSignals.Level.UNKNOWN
                        && reading.level().ordinal() > before.ordinal()) {
                    regressions.add(key + " " + before + " → " + reading.level() + " (" + reading.detail() + ")");
                }
            });
            if (!regressions.isEmpty()) {
                regressed(a, regressions);
            }
        }
    }

    /** The readings taken when the action started (or, failing that, now). */
    private Map<String, String> baseline(ActionRecord a, WatchSignals source) {
        String json = store.watchBaseline(a.id());
        if (json != null) {
            return ActionStore.map(json);
        }
        Map<String, String> levels = levels(a.watchSignals());
        tx.executeWithoutResult(s -> store.update(a.id(), null, columns("watch_baseline", ActionStore.json(levels))));
        return levels;
    }

    /** Current level per signal key; empty when no signal source is configured. */
    Map<String, String> levels(List<String> keys) {
        WatchSignals source = signals.getIfAvailable();
        Map<String, String> levels = new TreeMap<>();
        if (source != null && !keys.isEmpty()) {
            source.read(keys).forEach((k, r) -> levels.put(k, r.level().name()));
        }
        return levels;
    }

    private void regressed(ActionRecord a, List<String> regressions) {
        String text = "Watched signals regressed after " + a.title() + ": " + String.join("; ", regressions);
        end(a, "watch-regressed", text);
        boolean rolledBack = false;
        if (a.autoRollback()) {
            try {
                rollbacks.autoRollback(a);
                rolledBack = true;
            } catch (RuntimeException e) {
                tx.executeWithoutResult(s -> journal.step(a, SystemActor.NAME, "auto-rollback-failed",
                        "Automatic rollback not possible: " + e.getMessage(), null, null));
            }
        }
        events.publishEvent(new WatchAlert(a.id(), text, regressions, rolledBack));
        notifier.send(notification(a, text, regressions, rolledBack)); // delivered in the background
    }

    private void end(ActionRecord a, String step, String message) {
        tx.executeWithoutResult(s -> {
            if (store.update(a.id(), null, columns("watch_until", null))) {
                journal.step(a, SystemActor.NAME, step, message, null, null);
            }
        });
    }

    /** Source {@code watch}, routed by the severity the action was requested under (when it had one). */
    private Notification notification(ActionRecord a, String text, List<String> regressions, boolean rolledBack) {
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("action", a.id());
        facts.put("resource", a.resource().toString());
        facts.put("regressions", regressions);
        facts.put("rolledBack", rolledBack);
        return new Notification(Notification.Source.WATCH, clock.instant(), null, a.incidentSeverity(), null, null,
                "Watched signals regressed after " + a.title(), text, facts);
    }
}
