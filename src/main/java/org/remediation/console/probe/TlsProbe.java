package org.remediation.console.probe;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.Proxy;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.springframework.stereotype.Component;

/**
 * TLS certificate check: handshake time, days to expiry, issuer, hostname match and chain validity.
 * It accepts any certificate during the handshake so it can then say precisely what is wrong:
 * expired, not yet valid, self-signed, untrusted chain, wrong host, or expiring soon.
 */
@Component
public class TlsProbe implements Probe {

    @Override
    public ProbeKind kind() {
        return ProbeKind.TLS;
    }

    @Override
    public void validate(Map<String, String> s, Problems p) {
        SettingRules.onlyKnown(s, Set.of("host", "port", "serverName", "warnDays", "caFile"), p);
        SettingRules.host(s, "host", p);
        SettingRules.port(s, "port", false, p);
        SettingRules.positiveInt(s, "warnDays", 0, 3650, p, "The warning period in days");
        String sni = s.get("serverName");
        p.check(sni == null || sni.isBlank() || sni.strip().matches("[A-Za-z0-9*._-]+"), SettingRules.field("serverName"),
                "'" + sni + "' is not a valid host name.");
    }

    @Override
    public ProbeResult run(ProbeRequest req) {
        Run run = new Run(req);
        String host = req.setting("host", "");
        int port = req.intSetting("port", 443);
        String serverName = req.setting("serverName", host);
        String what = host + ":" + port;
        X509Certificate[] chain;
        try (Socket plain = new Socket(Proxy.NO_PROXY)) {
            plain.connect(req.egress().resolve(host, port), run.remainingMillis());
            run.phase("connectMs");
            SSLSocket ssl = (SSLSocket) Tls.context(true).getSocketFactory().createSocket(plain, serverName, port, true);
            if (!serverName.matches("[0-9.]+|.*:.*")) {
                SSLParameters params = ssl.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName(serverName)));
                ssl.setSSLParameters(params);
            }
            ssl.setSoTimeout(run.remainingMillis());
            ssl.startHandshake();
            run.phase("handshakeMs");
            run.put("protocol", ssl.getSession().getProtocol());
            Certificate[] peer = ssl.getSession().getPeerCertificates();
            chain = new X509Certificate[peer.length];
            for (int i = 0; i < peer.length; i++) {
                chain[i] = (X509Certificate) peer[i];
            }
        } catch (Exception e) {
            return run.failed(e, what);
        }
        return judge(run, req, chain, serverName);
    }

    private ProbeResult judge(Run run, ProbeRequest req, X509Certificate[] chain, String serverName) {
        X509Certificate leaf = chain[0];
        Instant now = req.clock().instant();
        long days = Duration.between(now, leaf.getNotAfter().toInstant()).toDays();
        boolean selfSigned = chain.length == 1 && leaf.getSubjectX500Principal().equals(leaf.getIssuerX500Principal());
        boolean hostMatch = HostnameMatch.matches(leaf, serverName);
        String chainError = chainError(chain, req.settings().get("caFile"));
        run.put("daysToExpiry", days).put("notAfter", leaf.getNotAfter().toInstant().toString())
                .put("issuer", leaf.getIssuerX500Principal().getName()).put("subject", leaf.getSubjectX500Principal().getName())
                .put("hostnameMatch", hostMatch).put("chainValid", chainError == null).put("selfSigned", selfSigned);
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            return run.finish(Outcome.DOWN, "cert-expired", "The certificate expired " + (-days) + " days ago ("
                    + leaf.getNotAfter().toInstant() + ")");
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return run.finish(Outcome.DOWN, "cert-not-yet-valid", "The certificate is not valid before " + leaf.getNotBefore().toInstant());
        }
        if (chainError != null && selfSigned) {
            return run.finish(Outcome.DOWN, "self-signed", "The certificate is self-signed and not trusted");
        }
        if (chainError != null) {
            return run.finish(Outcome.DOWN, "untrusted-chain", "The certificate chain is not trusted: " + chainError);
        }
        if (!hostMatch) {
            return run.finish(Outcome.DOWN, "hostname-mismatch", "The certificate is not valid for " + serverName);
        }
        int warnDays = req.intSetting("warnDays", 14);
        if (days < warnDays) {
            return run.finish(Outcome.DEGRADED, "expires-soon", "The certificate expires in " + days + " days");
        }
        return run.up();
    }

    private static @Nullable String chainError(X509Certificate[] chain, @Nullable String caFile) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caFile == null || caFile.isBlank() ? null : trustStore(caFile.strip()));
            X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
            tm.checkServerTrusted(chain, "UNKNOWN");
            return null;
        } catch (Exception e) {
            return Failures.message(e);
        }
    }

    private static KeyStore trustStore(String pemFile) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = new FileInputStream(pemFile)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
        }
        return ks;
    }
}
