package org.opensspr.api;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 digest of a certificate's DER encoding: what the server prints at first start and what
 * a client pins. Written as upper-case hex pairs joined by colons ({@code "3F:A0:…"}, the form
 * {@code openssl x509 -fingerprint -sha256} prints); read from that form or plain hex, any case.
 */
public final class CertificateFingerprint implements Serializable {

    /** A SHA-256 digest is 32 bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    private static final HexFormat PLAIN_HEX = HexFormat.of();

    private final byte[] digest;

    private CertificateFingerprint(byte[] digest) {
        this.digest = digest;
    }

    /**
     * Reads a fingerprint: 64 hex digits, or 32 hex pairs separated by single colons; any case,
     * surrounding white space ignored.
     *
     * @throws IllegalArgumentException if the text is not a SHA-256 fingerprint in one of those forms
     */
    public static CertificateFingerprint parse(String text) {
        Objects.requireNonNull(text, "fingerprint");
        String s = text.strip();
        int expected = s.indexOf(':') >= 0 ? LENGTH * 3 - 1 : LENGTH * 2;
        if (s.length() != expected) {
            throw invalid(text);
        }
        try {
            byte[] bytes = s.indexOf(':') >= 0 ? COLON_HEX.parseHex(s) : PLAIN_HEX.parseHex(s);
            return new CertificateFingerprint(bytes);
        } catch (IllegalArgumentException notHex) {
            throw invalid(text);
        }
    }

    /** The fingerprint of a 32-byte SHA-256 digest. */
    public static CertificateFingerprint ofDigest(byte[] digest) {
        if (digest.length != LENGTH) {
            throw new IllegalArgumentException("A SHA-256 fingerprint has " + LENGTH + " bytes, not " + digest.length);
        }
        return new CertificateFingerprint(digest.clone());
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static CertificateFingerprint ofDer(byte[] derEncodedCertificate) {
        try {
            return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(derEncodedCertificate));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return ofDer(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("The certificate cannot be encoded", e);
        }
    }

    /** Whether this is the fingerprint of the given certificate. */
    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    public byte[] digest() {
        return digest.clone();
    }

    /** Lower-case hex without separators. */
    public String toHex() {
        return PLAIN_HEX.formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFingerprint other && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    /** Upper-case hex pairs joined by colons, as the server prints it. */
    @Override
    public String toString() {
        return COLON_HEX.formatHex(digest);
    }

    private static IllegalArgumentException invalid(String text) {
        // A fingerprint is public, so echoing a short input is safe and helps spot a paste error.
        String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return new IllegalArgumentException("Not a SHA-256 certificate fingerprint (expected 64 hex digits, "
                + "optionally as 32 colon-separated pairs): \"" + shown + "\"");
    }
}
