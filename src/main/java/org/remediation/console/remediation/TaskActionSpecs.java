package org.remediation.console.remediation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.remediation.console.base.Problems;
import org.remediation.console.incident.TaskActions;
import org.springframework.stereotype.Component;

/**
 * The incident feature's {@link TaskActions} port: a task's action spec is read with the one
 * {@link ActionSpec} parser and held to its action kind's checks that need no live state
 * ({@link RemediationAction#check}), the same ones a request runs first.
 */
@Component
public final class TaskActionSpecs implements TaskActions {

    private final ActionCatalog catalog;

    public TaskActionSpecs(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public TaskAction read(String text) {
        ActionSpec spec = ActionSpec.parse(text);
        Problems problems = new Problems();
        catalog.get(spec.kind()).check(spec.params(), problems);
        problems.throwIfAny();
        Map<String, String> params = new LinkedHashMap<>();
        if (spec.resource() != null) {
            params.put(ActionSpec.RESOURCE, spec.resource().toString());
        }
        params.putAll(spec.params());
        return new TaskAction(spec.kind().spec(), spec.kind().label(), params);
    }
}
