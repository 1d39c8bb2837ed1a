package org.opensspr.server.delivery;

import com.icegreen.greenmail.util.GreenMail;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Certificates for the TLS tests: a private authority, certificates it issues, and GreenMail's own. */
public final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Issued(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
    }

    private TestCertificates() {
    }

    public static Issued authority(String name) {
        KeyPair keys = keys();
        X509Certificate certificate = sign("CN=" + name, "CN=" + name, keys, keys.getPrivate(), true, List.of());
        return new Issued(keys.getPrivate(), certificate, List.of(certificate));
    }

    /** A self-signed server certificate that names no host, like many a small relay's. */
    static Issued selfSignedWithoutNames(String name) {
        KeyPair keys = keys();
        X509Certificate certificate = sign("CN=" + name, "CN=" + name, keys, keys.getPrivate(), false, List.of());
        return new Issued(keys.getPrivate(), certificate, List.of(certificate));
    }

    /** A server certificate issued by {@code issuer} naming the given host names or IP addresses. */
    public static Issued server(Issued issuer, String... names) {
        KeyPair keys = keys();
        X509Certificate certificate = sign(issuer.certificate().getSubjectX500Principal().getName(),
                "CN=" + names[0], keys, issuer.key(), false, List.of(names));
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return new Issued(keys.getPrivate(), certificate, List.copyOf(chain));
    }

    /** The certificate GreenMail's SMTPS presents: self-signed, naming no host. */
    static X509Certificate greenMail() {
        try (InputStream in = GreenMail.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, "changeit".toCharArray());
            return (X509Certificate) store.getCertificate("greenmail");
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail's keystore is not where it used to be", e);
        }
    }

    public static Path writePem(Path file, X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        try {
            for (X509Certificate certificate : certificates) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The private key as unencrypted PKCS#8 PEM, for servers outside the JVM (rsyslog). The JDK leaves the
     * optional public key out of an EC key's encoding and GnuTLS refuses such a key, so it is put in.
     */
    public static Path writeKeyPem(Path file, Issued identity) {
        try {
            PrivateKeyInfo jdk = PrivateKeyInfo.getInstance(identity.key().getEncoded());
            ECPrivateKey without = ECPrivateKey.getInstance(jdk.parsePrivateKey());
            byte[] publicKey = SubjectPublicKeyInfo.getInstance(identity.certificate().getPublicKey().getEncoded())
                    .getPublicKeyData().getBytes();
            ECPrivateKey with = new ECPrivateKey(256, without.getKey(), new DERBitString(publicKey), null);
            byte[] pkcs8 = new PrivateKeyInfo(jdk.getPrivateKeyAlgorithm(), with).getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            return Files.writeString(file, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server-side TLS context presenting {@code identity}. */
    public static SSLContext serverContext(Issued identity) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry("server", identity.key(), password, identity.chain().toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, RANDOM);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, RANDOM);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(String issuer, String subject, KeyPair keys, PrivateKey signer,
                                        boolean authority, List<String> names) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), new BigInteger(64, RANDOM).setBit(0),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name(subject), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(authority
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (!names.isEmpty()) {
                List<GeneralName> alternatives = new ArrayList<>();
                for (String name : names) {
                    alternatives.add(name.matches("[0-9.]+")
                            ? new GeneralName(GeneralName.iPAddress,
                            new DEROctetString(InetAddress.ofLiteral(name).getAddress()))
                            : new GeneralName(GeneralName.dNSName, name));
                }
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
