package org.opensspr.server.tls;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issues the server's own certificate at first start: an EC P-256 key signed by itself with
 * SHA256withECDSA, valid ten years, naming this machine. Clients pin its fingerprint rather than
 * trust an issuer, so the names matter only to browsers and tools like curl.
 */
final class SelfSignedCertificates {
    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    static final String CURVE = "secp256r1";
    static final int VALIDITY_YEARS = 10;
    /** Starts a little in the past so that a kiosk whose clock runs slow accepts it right away. */
    static final Duration BACKDATE = Duration.ofHours(1);

    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.:]*:[0-9A-Fa-f.:]*");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    record Issued(PrivateKey privateKey, X509Certificate certificate) {
    }

    private SelfSignedCertificates() {
    }

    static Issued issue(String hostName, List<String> extraNames, Clock clock, SecureRandom random) {
        List<GeneralName> names = subjectAlternativeNames(hostName, extraNames);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            KeyPair keys = generator.generateKeyPair();
            Instant now = clock.instant();
            Instant notBefore = now.minus(BACKDATE);
            Instant notAfter = now.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "OpenSSPR server " + hostName).build();
            // 127 random bits: unique per certificate and always positive (RFC 5280 §4.1.2.2).
            BigInteger serial = new BigInteger(127, random).setBit(0);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keys.getPrivate())));
            return new Issued(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new TlsSetupException("Could not create the server's TLS certificate: " + e.getMessage(), e);
        }
    }

    /**
     * localhost, 127.0.0.1, ::1, this machine's name and the extra names, each once (names compared
     * without case). An extra name that is neither a host name nor an IP address is refused; a
     * strange machine name is left out rather than stopping the server.
     */
    static List<GeneralName> subjectAlternativeNames(String hostName, List<String> extraNames) {
        Map<String, GeneralName> names = new LinkedHashMap<>();
        for (String fixed : List.of("localhost", "127.0.0.1", "::1")) {
            add(names, fixed);
        }
        try {
            add(names, hostName);
        } catch (IllegalArgumentException unusable) {
            // The machine's name can be anything the OS allows; the certificate still serves by IP.
        }
        for (String extra : extraNames) {
            try {
                add(names, extra == null ? "" : extra.strip());
            } catch (IllegalArgumentException e) {
                throw new TlsSetupException("'" + extra + "' can't go in the certificate: " + e.getMessage());
            }
        }
        return new ArrayList<>(names.values());
    }

    private static void add(Map<String, GeneralName> names, String name) {
        if (IPV4.matcher(name).matches() || IPV6.matcher(name).matches()) {
            InetAddress address = ipLiteral(name);
            names.putIfAbsent("ip:" + address.getHostAddress(), new GeneralName(GeneralName.iPAddress,
                    new DEROctetString(address.getAddress())));
        } else if (DIGITS_AND_DOTS.matcher(name).matches()) {
            throw new IllegalArgumentException("write an IPv4 address as four numbers, like 192.0.2.10");
        } else if (name.length() <= 253 && DNS_NAME.matcher(name).matches()) {
            String dns = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            names.putIfAbsent("dns:" + dns.toLowerCase(Locale.ROOT), new GeneralName(GeneralName.dNSName, dns));
        } else {
            throw new IllegalArgumentException("it is neither a host name nor an IP address");
        }
    }

    private static InetAddress ipLiteral(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("it is not a valid IP address");
        }
    }

    /** How a name compares with others: addresses in one spelling ("::1" = "0:0:0:0:0:0:0:1"), names without case. */
    static String canonical(String name) {
        String value = name.strip();
        if (IPV4.matcher(value).matches() || IPV6.matcher(value).matches()) {
            try {
                return InetAddress.ofLiteral(value).getHostAddress();
            } catch (IllegalArgumentException notAnAddress) {
                return value;
            }
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** This machine's name as the operating system reports it, without asking DNS for more. */
    static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name;
            }
        } catch (UnknownHostException e) {
            // Fall through: the name may still be in the environment.
        }
        for (String variable : List.of("HOSTNAME", "COMPUTERNAME")) {
            String name = System.getenv(variable);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        return "localhost";
    }
}
