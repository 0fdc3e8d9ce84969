package org.remediation.console.incident;

import java.util.List;

/** A runbook that passed every check, with the warnings import reports without refusing it. */
public record RunbookCheck(Runbook runbook, List<RunbookWarning> warnings) {

    public RunbookCheck {
        warnings = List.copyOf(warnings);
    }
}
