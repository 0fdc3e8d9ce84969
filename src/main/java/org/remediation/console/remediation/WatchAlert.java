package org.remediation.console.remediation;

import org.remediation.console.base.LiveUpdate;
import java.util.List;

/** Published when a watched signal regressed after an action: views show a banner. */
public record WatchAlert(long actionId, String title, List<String> regressions, boolean rolledBack) implements LiveUpdate {
}
