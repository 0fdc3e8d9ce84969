package org.remediation.console.probe;

import java.util.Map;
import java.util.Set;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.CloudReading;
import org.remediation.console.cloud.CloudResourceReader;
import org.remediation.console.cloud.ResourceRef;
import org.springframework.stereotype.Component;

/**
 * A cloud resource's own state (connector READY and instance counts, Cloud SQL RUNNABLE and tier,
 * Cloud Run latest revision and reconciling, health-check settings, certificate status and days to
 * expiry, Memorystore for Redis state, host, port and network), read through whichever cloud adapter is active — the sandbox or Google — so criteria
 * such as {@code connector state = READY} bind to it like to any probe.
 */
@Component
public class CloudResourceProbe implements Probe {

    private final CloudGateway gateway;

    CloudResourceProbe(CloudGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public ProbeKind kind() {
        return ProbeKind.CLOUD_RESOURCE;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("resource"), p);
        String text = s.get("resource");
        if (text == null || text.isBlank()) {
            p.add(SettingRules.field("resource"), "Name the resource as KIND/location/name, e.g. "
                    + "VPC_CONNECTOR/us-central1/staging-connector.");
            return;
        }
        try {
            ResourceRef ref = ResourceRef.parse(text.strip());
            p.check(gateway.resources().contains(ref), SettingRules.field("resource"), "The " + gateway.name()
                    + " cloud has no resource " + ref + "; known: " + gateway.resources());
        } catch (IllegalArgumentException e) {
            p.add(SettingRules.field("resource"), e.getMessage());
        }
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        try {
            CloudReading reading = new CloudResourceReader(gateway, req.clock()).read(ResourceRef.parse(req.setting("resource", "")));
            run.phase("readMs");
            reading.measurements().forEach(run::put);
            reading.labels().forEach(run::put);
            run.put("summary", reading.summary());
            if (reading.errorKind() != null) {
                return run.finish(Outcome.ERROR, reading.errorKind().name().toLowerCase(), reading.summary());
            }
            return reading.healthy() ? run.up() : run.finish(Outcome.DOWN, "resource-state", reading.summary());
        } catch (RuntimeException e) {
            return run.failed(e, req.setting("resource", "the resource"));
        }
    }
}
