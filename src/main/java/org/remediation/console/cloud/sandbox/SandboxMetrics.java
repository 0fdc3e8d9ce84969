package org.remediation.console.cloud.sandbox;

import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudMetrics;
import org.remediation.console.cloud.MetricAnswer;
import org.remediation.console.cloud.MetricQuery;

/** The sandbox's time series, produced from its capacity model. */
class SandboxMetrics implements CloudMetrics {

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public MetricAnswer read(MetricQuery query) {
        throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, "The sandbox has no metric type '"
                + query.metricType() + "'.");
    }
}
