package org.opensspr.client;

import org.opensspr.api.CertificateFingerprint;

/**
 * The client is pinned to one server certificate and the server presented another. Either the
 * server's certificate was replaced (pin the new fingerprint the server printed) or something else
 * answers in its place.
 */
public final class CertificatePinMismatchException extends OpenSsprException {

    private final CertificateFingerprint expected;
    private final CertificateFingerprint presented;

    CertificatePinMismatchException(CertificateFingerprint expected, CertificateFingerprint presented,
                                    String serverUrl, Throwable cause) {
        super("The server at " + serverUrl + " presented a certificate with SHA-256 fingerprint " + presented
                + ", but this client is pinned to " + expected
                + ". If the server's certificate was replaced, pin the fingerprint it printed; otherwise "
                + "something else is answering in its place.", cause);
        this.expected = expected;
        this.presented = presented;
    }

    /** The pinned fingerprint. */
    public CertificateFingerprint expected() {
        return expected;
    }

    /** The fingerprint of the certificate the server presented. */
    public CertificateFingerprint presented() {
        return presented;
    }
}
