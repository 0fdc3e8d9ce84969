package org.remediation.console.incident;

import java.util.List;

/** The incident a runbook opened, with the warnings to show the commander who imported it. */
public record RunbookImport(IncidentSummary incident, List<RunbookWarning> warnings) {

    public RunbookImport {
        warnings = List.copyOf(warnings);
    }
}
