package org.remediation.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * Keeps keyboard focus where the user left it when the server replaces what had it. Live views swap
 * components (a re-rendered row, a fresh header) and a dialog's opener may be swapped while the dialog is
 * open; the browser then drops focus to {@code <body>}, and a keyboard user starts again from the top.
 * Elements are found again by id, which the replacements keep.
 */
public final class Focus {

    /** Remembers the id of the focused element; forgets it when the user moves focus away themselves. */
    private static final String TRACK = """
            if (!window.consoleFocus) {
              window.consoleFocus = {id: null};
              // the component's own id: ids Vaadin generates for a field's inner input change when it is re-rendered
              const generated = /^(input|textarea|summary|content|label)-vaadin-/;
              const idOf = e => { for (const n of e.composedPath()) { if (n.id && !generated.test(n.id)) { return n.id; } } return null; };
              document.addEventListener('focusin', e => { window.consoleFocus.id = idOf(e); });
              document.addEventListener('focusout', e => {
                const left = e.target;
                // still in the page after losing focus: the user moved on; removed: the server replaced it
                setTimeout(() => { if (left.isConnected && document.activeElement === document.body) { window.consoleFocus.id = null; } });
              });
            }
            """;

    /**
     * Focuses the element with id $0 (or the remembered one) once focus has fallen to the body. Polls for a
     * moment: a closing dialog keeps focus until its closing animation ends, and only then lets it fall.
     */
    private static final String RESTORE = """
            const wanted = $0 || (window.consoleFocus && window.consoleFocus.id);
            let tries = 30;
            const attempt = () => {
              const active = document.activeElement;
              if (active && active !== document.body) {
                if (/^VAADIN-.*(DIALOG|OVERLAY)/.test(active.tagName) && --tries > 0) { setTimeout(attempt, 50); }
                return;
              }
              const el = wanted && document.getElementById(wanted);
              if (el) { el.focus(); } else if (--tries > 0) { setTimeout(attempt, 50); }
            };
            setTimeout(attempt, 0);
            """;

    private Focus() {
    }

    /** Installs the tracking once per page; the main layout calls it. */
    static void track(Component layout) {
        layout.getElement().executeJs(TRACK);
    }

    /** After a live update: puts focus back on the element that had it, if the update removed it. */
    public static void keep(Component context) {
        context.getElement().executeJs(RESTORE, (String) null);
    }

    /** Focuses the element with this id if focus was lost, e.g. the checkbox whose row was re-rendered. */
    public static void returnTo(Component context, String id) {
        context.getElement().executeJs(RESTORE, id);
    }

    /** When the dialog closes, focus goes back to its opener, found by id even if it was replaced meanwhile. */
    public static void returnOnClose(Dialog dialog, String openerId) {
        UI ui = UI.getCurrent(); // the dialog leaves the UI when it closes: keep the page it was opened on
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && ui != null) {
                ui.getPage().executeJs(RESTORE, openerId);
            }
        });
    }

    /** Opens the dialog; when it closes, focus goes back to its opener (by id). */
    public static void openFrom(Dialog dialog, String openerId) {
        returnOnClose(dialog, openerId);
        dialog.open();
    }
}
