package org.remediation.console.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.RemediationAction;
import org.remediation.console.remediation.RemediationService;

/**
 * The service names a bad parameter by its name, as the form's field; in the API's body parameters
 * live under {@code params}, so their problems get that path. The messages stay the service's own.
 */
final class ActionProblems {

    private ActionProblems() {
    }

    static InvalidInputException underParams(InvalidInputException e, ActionRequest request, RemediationService service) {
        return underParams(e, paramNames(request, service));
    }

    /** For calls on a stored action (preview again): its kind's parameters. */
    static InvalidInputException underParams(InvalidInputException e, ActionKind kind, RemediationService service) {
        return underParams(e, declared(kind, service));
    }

    private static InvalidInputException underParams(InvalidInputException e, Set<String> params) {
        List<InvalidInputException.Problem> moved = e.problems().stream().map(p -> params.contains(p.field())
                ? new InvalidInputException.Problem("params." + p.field(), p.message()) : p).toList();
        return new InvalidInputException(moved);
    }

    /** The names given in the body and every parameter the kind declares (a missing one is reported by name too). */
    private static Set<String> paramNames(ActionRequest request, RemediationService service) {
        Set<String> names = new HashSet<>();
        if (request.params() != null) {
            names.addAll(request.params().keySet());
        }
        try {
            ActionDraft draft = request.draft();
            names.addAll(draft.params().keySet());
            names.addAll(declared(draft.kind(), service));
        } catch (InvalidInputException e) {
            // the action itself could not be named: only the body's own parameter names apply
        }
        return names;
    }

    private static Set<String> declared(ActionKind kind, RemediationService service) {
        Set<String> names = new HashSet<>();
        service.catalogue().stream().filter(a -> a.kind() == kind).map(RemediationAction::parameters)
                .flatMap(List::stream).forEach(p -> names.add(p.name()));
        return names;
    }
}
