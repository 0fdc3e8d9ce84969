package org.remediation.console.base;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems so a form reports all of them at once, then throws if any. */
public final class Problems {

    private final List<InvalidInputException.Problem> list = new ArrayList<>();

    public Problems add(String field, String message) {
        list.add(new InvalidInputException.Problem(field, message));
        return this;
    }

    public Problems check(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<InvalidInputException.Problem> list() {
        return List.copyOf(list);
    }

    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new InvalidInputException(list);
        }
    }
}
