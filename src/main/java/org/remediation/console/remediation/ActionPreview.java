package org.remediation.console.remediation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A previewed draft as the request would store it: the diff against live state, whether a second
 * person must approve and why, and the incident and severity the rule used ({@code severityBasis} says
 * where the severity came from, in words).
 */
public record ActionPreview(Preview preview, boolean approvalRequired, List<String> approvalReasons,
                            @Nullable String incidentKey, @Nullable String severity, String severityBasis) {

    public ActionPreview {
        approvalReasons = List.copyOf(approvalReasons);
    }
}
