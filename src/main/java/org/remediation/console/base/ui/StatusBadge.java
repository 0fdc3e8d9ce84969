package org.remediation.console.base.ui;

import com.vaadin.flow.component.html.Span;

/** A small coloured pill for a state; the tone maps to CSS classes in console.css. */
public class StatusBadge extends Span {

    public enum Tone { OK, WARN, BAD, NEUTRAL, INFO }

    private static final java.util.List<String> TONE_CLASSES =
            java.util.Arrays.stream(Tone.values()).map(StatusBadge::css).toList();

    private static String css(Tone tone) {
        return "badge-" + tone.name().toLowerCase();
    }

    public StatusBadge(String text, Tone tone) {
        super(text);
        addClassName("badge");
        setTone(tone);
    }

    public final void setTone(Tone tone) {
        StyleSwitch.select(this, TONE_CLASSES, css(tone));
    }
}
