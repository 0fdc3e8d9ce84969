package org.remediation.console.probe;

import java.net.InetAddress;
import org.remediation.console.base.egress.EgressPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * Resolves a name (A or AAAA) and tells NXDOMAIN, an empty answer, a server failure and a timeout
 * apart. Without an explicit server it consults the hosts file first, as the system resolver does.
 */
@Component
public class DnsProbe implements Probe {

    private final HostsFileParser hosts = new HostsFileParser();

    @Override
    public ProbeKind kind() {
        return ProbeKind.DNS;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("name", "type", "server", "serverPort", "degradedAboveMs"), p);
        String name = SettingRules.required(s, "name", p, "A name to resolve");
        if (name != null) {
            try {
                Name.fromString(name, Name.root);
                p.check(name.matches("[A-Za-z0-9_.-]+"), SettingRules.field("name"), "'" + name + "' is not a valid DNS name.");
            } catch (Exception e) {
                p.add(SettingRules.field("name"), "'" + name + "' is not a valid DNS name.");
            }
        }
        String type = s.getOrDefault("type", "A").strip().toUpperCase();
        p.check(type.isEmpty() || type.equals("A") || type.equals("AAAA"), SettingRules.field("type"), "The record type must be A or AAAA.");
        if (s.containsKey("server")) {
            SettingRules.host(s, "server", p);
        }
        SettingRules.port(s, "serverPort", false, p);
        SettingRules.positiveInt(s, "degradedAboveMs", 1, 3_600_000, p, "The latency threshold");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String name = req.setting("name", "");
        int type = "AAAA".equalsIgnoreCase(req.setting("type", "A")) ? Type.AAAA : Type.A;
        String server = req.settings().get("server");
        try {
            Name fqdn = Name.fromString(name, Name.root);
            if (server == null || server.isBlank()) {
                Optional<InetAddress> local = hosts.getAddressForHost(fqdn, type);
                if (local.isPresent()) {
                    run.phase("resolveMs");
                    run.put("answers", List.of(local.get().getHostAddress())).put("source", "hosts file");
                    return run.up();
                }
            }
            Resolver resolver = resolver(server, req.intSetting("serverPort", 53), req.egress());
            resolver.setTimeout(Duration.ofMillis(run.remainingMillis()));
            Message response = resolver.send(Message.newQuery(Record.newRecord(fqdn, type, DClass.IN)));
            run.phase("resolveMs");
            int rcode = response.getRcode();
            run.put("rcode", Rcode.string(rcode));
            if (rcode == Rcode.NXDOMAIN) {
                return run.finish(Outcome.DOWN, "nxdomain", "The name " + name + " does not exist (NXDOMAIN)");
            }
            if (rcode != Rcode.NOERROR) {
                return run.finish(Outcome.DOWN, "dns-" + Rcode.string(rcode).toLowerCase(),
                        "The DNS server answered " + Rcode.string(rcode) + " for " + name);
            }
            List<String> answers = new ArrayList<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r.getType() == type) {
                    answers.add(r.rdataToString());
                }
            }
            run.put("answers", answers);
            if (answers.isEmpty()) {
                return run.finish(Outcome.DOWN, "no-answer", "The name " + name + " has no " + Type.string(type) + " record");
            }
            return run.upUnless(run.elapsedMs(),
                    req.settings().containsKey("degradedAboveMs") ? req.intSetting("degradedAboveMs", 0) : null);
        } catch (Exception e) {
            return run.failed(e, "DNS for " + name);
        }
    }

    /** The machine's own resolvers, or the named server if the egress policy lets the console reach it. */
    private static Resolver resolver(String server, int port, EgressPolicy egress) throws Exception {
        if (server == null || server.isBlank()) {
            return new ExtendedResolver();
        }
        return new SimpleResolver(egress.resolve(server.strip(), port));
    }
}
