package org.remediation.console.probe;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates generated in the test: a CA, leaves it signs (valid, expired, wrong host), self-signed. */
final class TestCertificates {

    record Issued(KeyPair keys, X509Certificate cert, X509Certificate[] chain) {
        KeyStore keyStore() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), chain);
            return ks;
        }
    }

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCertificates() {
    }

    static Issued ca() throws Exception {
        KeyPair keys = keys();
        X500Name name = new X500Name("CN=Probe Test CA");
        var b = new JcaX509v3CertificateBuilder(name, serial(), date(Duration.ofDays(-1)), date(Duration.ofDays(365)),
                name, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate cert = sign(b, keys);
        return new Issued(keys, cert, new X509Certificate[] {cert});
    }

    static Issued leaf(Issued ca, String host, Duration startOffset, Duration endOffset) throws Exception {
        KeyPair keys = keys();
        var b = new JcaX509v3CertificateBuilder(new X500Name("CN=Probe Test CA"), serial(), date(startOffset),
                date(endOffset), new X500Name("CN=" + host), keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        X509Certificate cert = sign(b, ca.keys());
        return new Issued(keys, cert, new X509Certificate[] {cert, ca.cert()});
    }

    static Issued selfSigned(String host) throws Exception {
        KeyPair keys = keys();
        X500Name name = new X500Name("CN=" + host);
        var b = new JcaX509v3CertificateBuilder(name, serial(), date(Duration.ofDays(-1)), date(Duration.ofDays(90)),
                name, keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
        X509Certificate cert = sign(b, keys);
        return new Issued(keys, cert, new X509Certificate[] {cert});
    }

    static Path pem(Certificate cert) throws Exception {
        Path file = Files.createTempFile("probe-ca", ".pem");
        file.toFile().deleteOnExit();
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        return file;
    }

    private static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder b, KeyPair signer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIAL.incrementAndGet());
    }

    private static Date date(Duration offset) {
        return Date.from(Instant.now().plus(offset));
    }
}
