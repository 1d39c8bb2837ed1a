package org.opensspr.server.writeback;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A test CA and the domain controller's certificate it signs, naming the DC's loopback address, as
 * PEM files: the DC serves them and the product trusts only the CA file, checking the name for real.
 */
record DomainControllerPki(Path caCertificate, Path dcCertificate, Path dcKey) {

    static DomainControllerPki issue(Path folder, String ipAddress) throws IOException {
        try {
            KeyPair caKeys = rsaKeys();
            X500Name caName = new X500Name("CN=OpenSSPR test CA");
            X509Certificate ca = sign(caName, caName, caKeys.getPublic(), caKeys.getPrivate(), true, null);
            KeyPair dcKeys = rsaKeys();
            X509Certificate dc = sign(caName, new X500Name("CN=dc1.test.local"), dcKeys.getPublic(),
                    caKeys.getPrivate(), false, new GeneralName(GeneralName.iPAddress, ipAddress));
            Path key = folder.resolve("dc.key");
            Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(key, pem("PRIVATE KEY", dcKeys.getPrivate().getEncoded())); // Samba wants mode 0600
            return new DomainControllerPki(
                    Files.writeString(folder.resolve("ca.pem"), pem("CERTIFICATE", ca.getEncoded())),
                    Files.writeString(folder.resolve("dc.pem"), pem("CERTIFICATE", dc.getEncoded())), key);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IOException("Could not issue the domain controller's test certificates", e);
        }
    }

    private static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, PublicKey key, PrivateKey issuerKey,
                                        boolean isCa, GeneralName address)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(isCa ? 0 : 1)),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, key);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(address));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
