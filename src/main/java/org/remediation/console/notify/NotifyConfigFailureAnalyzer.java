package org.remediation.console.notify;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start refused over a notification setting: one line that names the property, no stack trace. */
public class NotifyConfigFailureAnalyzer extends AbstractFailureAnalyzer<NotifyConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NotifyConfigException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the notification setting named above (README, section \"Notifications\").", cause);
    }
}
