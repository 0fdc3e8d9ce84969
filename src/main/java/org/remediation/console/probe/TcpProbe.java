package org.remediation.console.probe;

import java.net.Proxy;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/** TCP connect: does something listen on host:port, and how long does the handshake take. */
@Component
public class TcpProbe implements Probe {

    @Override
    public ProbeKind kind() {
        return ProbeKind.TCP;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("host", "port", "degradedAboveMs"), p);
        SettingRules.host(s, "host", p);
        SettingRules.port(s, "port", true, p);
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String what = req.setting("host", "") + ":" + req.setting("port", "");
        try (Socket socket = new Socket(Proxy.NO_PROXY)) {
            socket.connect(req.egress().resolve(req.setting("host", ""), req.intSetting("port", 0)), run.remainingMillis());
            double ms = run.phase("connectMs");
            return run.upUnless(ms, req.settings().containsKey("degradedAboveMs") ? req.intSetting("degradedAboveMs", 0) : null);
        } catch (Exception e) {
            return run.failed(e, what);
        }
    }
}
