package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.SSLSocketVerifier;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * After the TLS handshake (the chain is already trusted), checks that the directory's certificate names
 * the host of the URL: an IP address must be an iPAddress SAN; a host name must match a dNSName SAN
 * (a wildcard covers exactly one left-most label), or the subject CN when the certificate has no SAN of
 * those kinds. UnboundID's own verifier accepts any certificate on a loopback address; this one doesn't.
 */
final class CertificateNameCheck extends SSLSocketVerifier {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
        } catch (SSLPeerUnverifiedException | ClassCastException e) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "The directory at " + host + ":" + port
                    + " presented no usable certificate.");
        }
        if (!names(host, subjectAlternativeNames(certificate), commonName(certificate))) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "The directory's certificate ("
                    + certificate.getSubjectX500Principal().getName() + ") does not name " + host + ".");
        }
    }

    /** Whether a certificate with these SANs ({type, value} pairs) and subject CN names {@code host}. */
    static boolean names(String host, List<List<?>> subjectAlternativeNames, String commonName) {
        InetAddress address = ipLiteral(host);
        if (address != null) {
            return subjectAlternativeNames.stream()
                    .anyMatch(san -> type(san) == IP_ADDRESS && address.equals(ipLiteral(String.valueOf(san.get(1)))));
        }
        String name = normalized(host);
        List<String> dnsNames = subjectAlternativeNames.stream().filter(san -> type(san) == DNS_NAME)
                .map(san -> String.valueOf(san.get(1))).toList();
        boolean anyNameSan = subjectAlternativeNames.stream().anyMatch(san -> type(san) == DNS_NAME || type(san) == IP_ADDRESS);
        if (!anyNameSan) {
            return commonName != null && matches(name, commonName);
        }
        return dnsNames.stream().anyMatch(pattern -> matches(name, pattern));
    }

    private static boolean matches(String host, String pattern) {
        String wanted = normalized(pattern);
        if (!wanted.startsWith("*.")) {
            return host.equals(wanted);
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot + 1).equals(wanted.substring(2)) && wanted.indexOf('.', 2) > 0;
    }

    private static String normalized(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static InetAddress ipLiteral(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            return InetAddress.ofLiteral(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int type(List<?> san) {
        return san.getFirst() instanceof Integer type ? type : -1;
    }

    private static List<List<?>> subjectAlternativeNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? List.of() : new ArrayList<>(names);
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
