package org.opensspr.client;

import org.opensspr.api.CertificateFingerprint;

import java.util.Optional;

/**
 * The TLS handshake failed without a pin being involved: typically the server's certificate is not
 * trusted by this machine (a self-signed certificate and no pin configured), or the server does not
 * speak TLS at that address. When the certificate was the problem, {@link #presentedFingerprint()}
 * is what to compare with the fingerprint the server printed before pinning it.
 */
public final class TlsFailureException extends OpenSsprException {

    private final CertificateFingerprint presentedFingerprint;

    TlsFailureException(String serverUrl, CertificateFingerprint presentedFingerprint, Throwable cause) {
        super(describe(serverUrl, presentedFingerprint, cause), cause);
        this.presentedFingerprint = presentedFingerprint;
    }

    /** The fingerprint of the certificate the server presented, when it was rejected. */
    public Optional<CertificateFingerprint> presentedFingerprint() {
        return Optional.ofNullable(presentedFingerprint);
    }

    private static String describe(String serverUrl, CertificateFingerprint presented, Throwable cause) {
        if (presented != null) {
            return "The server at " + serverUrl + " presented a certificate this machine does not trust (SHA-256 "
                    + presented + "). If it is your OpenSSPR server's own certificate, pin the fingerprint the "
                    + "server printed at first start.";
        }
        return "The secure connection to " + serverUrl + " failed: " + cause.getMessage();
    }
}
