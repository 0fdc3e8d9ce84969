package org.remediation.console.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A container whose rows follow a list by key, for live pages: a row whose signature (what it shows)
 * is unchanged stays the very same element, so focus, caret and typing not yet sent survive a live
 * update; a changed row is replaced where it stands; rows come and go without touching the others.
 * Rebuilding the whole list dropped what a user was typing (issue 15).
 */
public final class KeyedRows<T, K> extends Div {

    private record Row(Object signature, Component component) {
    }

    private final Function<T, K> key;
    private final Function<T, Object> signature;
    private final Function<T, Component> build;
    private Map<K, Row> rows = new LinkedHashMap<>();

    public KeyedRows(Function<T, K> key, Function<T, Object> signature, Function<T, Component> build) {
        this.key = key;
        this.signature = signature;
        this.build = build;
    }

    /** Shows {@code items} in this order; rebuilds only the rows whose signature changed. */
    public void show(List<T> items) {
        Map<K, Row> next = new LinkedHashMap<>();
        for (T item : items) {
            K k = key.apply(item);
            Object sig = signature.apply(item);
            Row old = rows.get(k);
            if (old != null && Objects.equals(old.signature(), sig)) {
                next.put(k, old);
            } else {
                Component fresh = build.apply(item);
                if (old != null) {
                    replace(old.component(), fresh);
                }
                next.put(k, new Row(sig, fresh));
            }
        }
        rows.forEach((k, row) -> {
            if (!next.containsKey(k)) {
                remove(row.component());
            }
        });
        int i = 0;
        for (Row row : next.values()) {
            if (i >= getComponentCount() || getComponentAt(i) != row.component()) {
                addComponentAtIndex(i, row.component());
            }
            i++;
        }
        rows = next;
    }

    /** The row shown for {@code k}, if any (for tests and focus handling). */
    public java.util.Optional<Component> row(K k) {
        return java.util.Optional.ofNullable(rows.get(k)).map(Row::component);
    }
}
