package org.remediation.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.LiveUpdate;

/**
 * Ties a live-event subscription to a component's attach/detach and applies events with push,
 * through the tab's {@link UiMailbox} (in order, off the publishing thread).
 */
public final class LiveSubscription {

    private LiveSubscription() {
    }

    public static <T extends LiveUpdate> void bind(Component owner, LiveEvents events, Class<T> type, Consumer<? super T> onEvent) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            UiMailbox mailbox = UiMailbox.of(ui, events.uiDelivery());
            AtomicReference<Runnable> unsubscribe = new AtomicReference<>();
            unsubscribe.set(events.subscribe(type, event -> mailbox.post(() -> {
                try {
                    ui.access(() -> {
                        if (owner.isAttached() && events.isOpen()) {
                            onEvent.accept(event);
                        }
                    });
                } catch (UIDetachedException closed) {
                    // The browser went away before its detach was processed: stop listening quietly.
                    unsubscribe.get().run();
                }
            })));
            owner.addDetachListener(detach -> {
                unsubscribe.get().run();
                detach.unregisterListener();
            });
        });
    }
}
