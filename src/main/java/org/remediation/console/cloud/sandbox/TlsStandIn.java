package org.remediation.console.cloud.sandbox;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A loopback stand-in for the staging load balancer's TLS endpoint, so "SSL certificate validation
 * < 10 seconds under load" has something to measure here. At start it generates a CA and a
 * certificate for {@code staging.netrasystems.ai} signed by it (valid 60 days, like the simulated
 * {@code netra-staging-cert}), writes the CA's PEM to {@code console.sandbox.tls-ca-file} for the TLS
 * probe's {@code caFile}, and listens on 127.0.0.1 only ({@code console.sandbox.tls-port}). Each
 * handshake goes through the simulated connector: while it is saturated, handshakes are slow and most
 * are dropped; after a scale-up they are fast. Runs only with the sandbox; keys live in memory only.
 */
class TlsStandIn implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TlsStandIn.class);
    static final Duration VALIDITY = Duration.ofDays(60);

    private final EndpointSimulator simulator;
    private final int configuredPort;
    private final Path caFile;
    private final Clock clock;
    private volatile @Nullable SSLServerSocket server;

    TlsStandIn(EndpointSimulator simulator, int port, Path caFile, Clock clock) {
        this.simulator = simulator;
        this.configuredPort = port;
        this.caFile = caFile;
        this.clock = clock;
    }

    /** The address it listens on (for tests: always loopback). */
    InetSocketAddress address() {
        SSLServerSocket s = server;
        if (s == null) {
            throw new IllegalStateException("not listening");
        }
        return (InetSocketAddress) s.getLocalSocketAddress();
    }

    /** The port it listens on (0 while stopped). */
    int port() {
        SSLServerSocket s = server;
        return s == null ? 0 : s.getLocalPort();
    }

    @Override
    public void start() {
        try {
            SSLContext context = context(clock.instant());
            SSLServerSocket s = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
            s.bind(new InetSocketAddress(DnsStandIn.LOOPBACK, configuredPort), 64);
            server = s;
            Thread.ofVirtual().name("sandbox-tls").start(() -> serve(s));
            log.info("Sandbox TLS stand-in serves {} on 127.0.0.1:{} (CA: {})", DnsStandIn.HOST, s.getLocalPort(),
                    caFile.toAbsolutePath());
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            log.warn("The sandbox TLS stand-in cannot start on 127.0.0.1:{} ({}); the tls-staging target will fail",
                    configuredPort, e.getMessage());
        }
    }

    @Override
    public void stop() {
        SSLServerSocket s = server;
        server = null;
        if (s != null) {
            try {
                s.close();
                Files.deleteIfExists(caFile); // the next start generates a new CA
            } catch (IOException e) {
                log.debug("Closing the sandbox TLS stand-in: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    private void serve(SSLServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Thread.ofVirtual().start(() -> handshake((SSLSocket) client));
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
                log.debug("Sandbox TLS stand-in: {}", e.getMessage());
            }
        }
    }

    /** Waits out the simulated latency, then completes the handshake, or drops the connection (a failure). */
    private void handshake(SSLSocket client) {
        try (client) {
            EndpointSimulator.Response r = simulator.call("tls");
            Thread.sleep(r.latencyMs());
            if (r.status() != 200) {
                return; // closed before the handshake: the probe sees the handshake fail
            }
            client.setSoTimeout(10_000);
            client.startHandshake();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("Sandbox TLS stand-in handshake: {}", e.getMessage());
        }
    }

    private SSLContext context(Instant now) throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair caKeys = keys();
        X500Name caName = new X500Name("CN=Remediation Console sandbox CA");
        X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), caName, caKeys.getPublic());
        ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCert = sign(ca, caKeys);

        KeyPair leafKeys = keys();
        X509v3CertificateBuilder leaf = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), new X500Name("CN=" + DnsStandIn.HOST), leafKeys.getPublic());
        leaf.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, DnsStandIn.HOST)));
        X509Certificate leafCert = sign(leaf, caKeys);

        writeCaPem(caCert);
        char[] password = new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("staging", leafKeys.getPrivate(), password, new X509Certificate[] {leafCert, caCert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private void writeCaPem(X509Certificate ca) throws IOException, GeneralSecurityException {
        Path parent = caFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(ca.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(caFile, pem, StandardCharsets.US_ASCII);
    }

    private static KeyPair keys() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
