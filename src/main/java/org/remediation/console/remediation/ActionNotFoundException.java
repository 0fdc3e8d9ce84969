package org.remediation.console.remediation;

import org.remediation.console.base.InvalidInputException;

/**
 * No action has this id. Still an {@link InvalidInputException} on the field {@code id} (the views show
 * it as before); its own type lets the REST API answer 404 for an id in the path.
 */
public class ActionNotFoundException extends InvalidInputException {

    public ActionNotFoundException(long id) {
        super("id", "There is no action #" + id + ".");
    }
}
