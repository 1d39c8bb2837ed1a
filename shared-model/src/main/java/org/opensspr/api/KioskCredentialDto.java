package org.opensspr.api;

/**
 * What an enrolled kiosk keeps: its device credential and the server certificate to pin from now on.
 * {@link #toString()} never shows the credential.
 *
 * @param kioskId                      the kiosk's id
 * @param kioskName                    the name the administrator gave it
 * @param credential                   the bearer token for every later call ({@code Authorization: Bearer k.…}); a secret
 * @param serverCertificateFingerprint the SHA-256 fingerprint of the server's certificate (colon-separated hex),
 *                                     for {@code pinnedCertificate}; null when the server speaks plain HTTP
 */
public record KioskCredentialDto(String kioskId, String kioskName, String credential,
                                 @OptionalField String serverCertificateFingerprint) {

    @Override
    public String toString() {
        return "KioskCredentialDto[kioskId=" + kioskId
                + ", kioskName=" + kioskName
                + ", credential=" + Redacted.mark(credential)
                + ", serverCertificateFingerprint=" + serverCertificateFingerprint + "]";
    }
}
