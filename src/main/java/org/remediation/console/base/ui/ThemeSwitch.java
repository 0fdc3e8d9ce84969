package org.remediation.console.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * Light or dark: follows the system ({@code prefers-color-scheme}) until the user picks one, which this
 * browser remembers (localStorage). Lumo switches on the document's {@code theme} attribute; it is set
 * before the first paint by {@link #RESTORE}, so a dark page never flashes light.
 */
public class ThemeSwitch extends Button {

    static final String KEY = "console-theme";

    /** Inline page script: the remembered choice, else "light-dark" (Lumo then follows the system). */
    public static final String RESTORE = "(function(){var t=null;try{t=localStorage.getItem('" + KEY + "')}catch(e){}"
            + "document.documentElement.setAttribute('theme',t==='dark'||t==='light'?t:'light-dark');})();";

    public ThemeSwitch() {
        super("Dark theme");
        setId("theme-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        // all client-side: the choice is per browser and needs no round trip
        getElement().executeJs("""
                const button = this;
                const root = document.documentElement;
                const dark = () => root.getAttribute('theme') === 'dark' || (root.getAttribute('theme') !== 'light'
                        && window.matchMedia('(prefers-color-scheme: dark)').matches);
                const show = () => button.setAttribute('aria-pressed', String(dark()));
                button.addEventListener('click', () => {
                    const next = dark() ? 'light' : 'dark';
                    root.setAttribute('theme', next);
                    try { localStorage.setItem($0, next); } catch (e) { /* private mode: this page only */ }
                    show();
                });
                window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', show);
                show();
                """, KEY);
    }
}
