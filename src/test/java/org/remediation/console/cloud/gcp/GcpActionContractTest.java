package org.remediation.console.cloud.gcp;

import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.remediation.console.remediation.ActionContractTest;

/**
 * Every action kind against the Google adapter, over the wire to the stateful fake Google servers —
 * the same contract the sandbox keeps. Fresh fakes per test: a connector scale-up cannot be undone.
 */
class GcpActionContractTest extends ActionContractTest {

    private FakeGoogle google;
    private GcpCloudGateway gateway;

    @BeforeEach
    void startFakes() {
        google = FakeGoogle.start();
        gateway = google.gateway(Clock.systemUTC());
    }

    @AfterEach
    void stopFakes() throws Exception {
        gateway.close();
        google.close();
    }

    @Override
    protected CloudGateway gateway() {
        return gateway;
    }
}
