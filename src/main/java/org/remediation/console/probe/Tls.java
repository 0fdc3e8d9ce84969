package org.remediation.console.probe;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS contexts for probes: the JDK's default trust, or one that accepts anything (to inspect it). */
final class Tls {

    private static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };

    private Tls() {
    }

    /** TLS over a socket connected to a checked address; the certificate is checked unless {@code insecure}. */
    static java.net.Socket wrap(java.net.Socket plain, String host, int port, int timeoutMillis, boolean insecure)
            throws Exception {
        return org.remediation.console.base.egress.EgressHttp.tls(plain, host, port, timeoutMillis, context(insecure), !insecure);
    }

    static SSLContext context(boolean trustAll) throws GeneralSecurityException {
        if (!trustAll) {
            return SSLContext.getDefault();
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {TRUST_ALL}, null);
        return ctx;
    }
}
