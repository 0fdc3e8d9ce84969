package org.remediation.console.cloud.gcp;

import org.remediation.console.base.LiveUpdate;
import java.time.Instant;
import java.util.List;

/** The latest diagnostics run: one verdict per API; also the live event views subscribe to. */
public record GcpDiagnosisReport(Instant checkedAt, String project, boolean enabled, String credentials,
                                 List<ApiDiagnosis> apis) implements LiveUpdate {

    public GcpDiagnosisReport {
        apis = List.copyOf(apis);
    }

    public boolean allOk() {
        return enabled && apis.stream().allMatch(a -> a.status() == ApiDiagnosis.Status.OK
                || a.status() == ApiDiagnosis.Status.NOT_CHECKED);
    }
}
