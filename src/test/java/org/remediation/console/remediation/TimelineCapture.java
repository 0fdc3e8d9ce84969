package org.remediation.console.remediation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.remediation.console.base.TimelineNote;
import org.springframework.context.event.EventListener;

/** Records the timeline notes the context publishes (the incident feature's listener stands in here). */
public final class TimelineCapture {

    private final List<TimelineNote> notes = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TimelineNote note) {
        notes.add(note);
    }

    public List<TimelineNote> notes() {
        return List.copyOf(notes);
    }
}
