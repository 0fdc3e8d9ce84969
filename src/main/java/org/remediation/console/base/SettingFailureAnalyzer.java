package org.remediation.console.base;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start refused over a setting: one line that names the property, no stack trace. */
public class SettingFailureAnalyzer extends AbstractFailureAnalyzer<SettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SettingException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the setting named above (the README lists every setting).", cause);
    }
}
