package org.remediation.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import org.remediation.console.base.LiveEvents;

/** Ties a live-event subscription to a component's attach/detach and applies events with push. */
public final class LiveSubscription {

    private LiveSubscription() {
    }

    public static <T> void bind(Component owner, LiveEvents events, Class<T> type, Consumer<? super T> onEvent) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable unsubscribe = events.subscribe(type, event -> ui.access(() -> onEvent.accept(event)));
            owner.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        });
    }
}
