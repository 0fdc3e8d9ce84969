package org.remediation.console.cloud.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.remediation.ActionContractTest;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Every action kind against the sandbox cloud. */
@SpringBootTest
@SandboxTestSettings
class SandboxActionContractTest extends ActionContractTest {

    @Autowired
    CloudGateway gateway;
    @Autowired
    SandboxAdminService admin;

    @BeforeEach
    void outageState() {
        As.user("admin", Role.ADMIN, () -> {
            admin.faults().forEach(f -> admin.clearFault(f.target()));
            admin.resetTopology();
        });
    }

    @Override
    protected CloudGateway gateway() {
        return gateway;
    }
}
