package org.opensspr.kiosk.connection;

/**
 * What an enrolled kiosk keeps: which server, the device credential (a secret) and the certificate
 * fingerprint pinned from then on (null for a plain-HTTP server on this machine).
 */
public record StoredCredential(String serverUrl, String kioskId, String kioskName, String credential,
                               String fingerprint) {

    @Override
    public String toString() {
        return "StoredCredential[serverUrl=" + serverUrl + ", kioskId=" + kioskId + ", kioskName=" + kioskName
                + ", credential=(hidden), fingerprint=" + fingerprint + "]";
    }
}
