package org.opensspr.server.writeback;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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

/** A self-signed certificate for a test LDAPS listener, as a domain controller's own certificate would be. */
final class TestCertificate {
    private static final char[] KEY_PASSWORD = "test-only".toCharArray();

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TestCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /** Valid now (real time: TLS checks it) for the given subject alternative name. */
    static TestCertificate issue(GeneralName subjectAlternativeName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=dc1.example.test");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name,
                    keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAlternativeName));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new TestCertificate(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Could not issue a test certificate", e);
        }
    }

    static TestCertificate forLoopbackAddress() {
        return issue(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    }

    SSLServerSocketFactory serverSocketFactory() {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("dc", keyPair.getPrivate(), KEY_PASSWORD, new Certificate[]{certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context.getServerSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException("Could not build the test TLS server", e);
        }
    }

    /** Writes the certificate as PEM, the way an admin would export a DC's or CA's certificate. */
    Path writePem(Path file) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(encoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    }

    private byte[] encoded() {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
