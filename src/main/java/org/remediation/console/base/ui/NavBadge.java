package org.remediation.console.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A live marker beside one navigation entry (e.g. how many approvals wait), contributed by a feature
 * as a Spring bean: the shell knows no feature, features know the shell.
 */
public interface NavBadge {

    /** The route path of the entry it belongs to, as in {@code @Route} (no leading slash). */
    String path();

    /** A fresh component for one browser tab's navigation. */
    Component create();
}
