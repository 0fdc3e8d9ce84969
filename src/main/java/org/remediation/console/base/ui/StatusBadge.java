package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured pill for a state; the tone maps to CSS classes in console.css. */
public class StatusBadge extends Span {

    public enum Tone { OK, WARN, BAD, NEUTRAL, INFO }

    public StatusBadge(String text, Tone tone) {
        super(text);
        addClassName("badge");
        setTone(tone);
    }

    public final void setTone(Tone tone) {
        for (Tone t : Tone.values()) {
            removeClassName("badge-" + t.name().toLowerCase());
        }
        addClassName("badge-" + tone.name().toLowerCase());
    }
}
