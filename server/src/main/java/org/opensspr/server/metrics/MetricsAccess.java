package org.opensspr.server.metrics;

import org.opensspr.server.kiosk.KioskNetworkGate;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who may read {@code /metrics} (ADR 21): a scraper on this host without credentials; one elsewhere only with the
 * configured bearer token; and a credential, whoever presents it, must be the right one. The client's address is
 * the connection's own (no forwarding header is trusted), so a proxy on this host makes every caller local.
 */
public final class MetricsAccess {

    /** The decision; every verdict but {@link #ALLOWED} is refused with its own status. */
    public enum Verdict {
        ALLOWED,
        /** From another host, without credentials, while a token is configured: 401. */
        NO_CREDENTIALS,
        /** A credential that isn't the token (or any credential when none is configured): 401. */
        WRONG_CREDENTIALS,
        /** From another host while no token is configured: 403, since no credential could help. */
        REMOTE_SCRAPES_OFF
    }

    /** The token's SHA-256, or null: comparing digests takes the same time whatever the presented length. */
    private final byte[] tokenDigest;

    public MetricsAccess(MetricsSettings settings) {
        this.tokenDigest = settings.remoteScrapesAllowed() ? sha256(settings.token()) : null;
    }

    /**
     * @param clientAddress the connection's remote address as the listener reports it ({@code 127.0.0.1},
     *                      {@code [::1]}, …)
     * @param authorization the request's {@code Authorization} header, or null
     */
    public Verdict decide(String clientAddress, String authorization) {
        if (authorization != null) {
            return presentsTheToken(authorization) ? Verdict.ALLOWED : Verdict.WRONG_CREDENTIALS;
        }
        if (isLoopback(clientAddress)) {
            return Verdict.ALLOWED;
        }
        return tokenDigest == null ? Verdict.REMOTE_SCRAPES_OFF : Verdict.NO_CREDENTIALS;
    }

    private boolean presentsTheToken(String authorization) {
        if (tokenDigest == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(7).strip()));
    }

    static boolean isLoopback(String clientAddress) {
        InetAddress address = KioskNetworkGate.parseAddress(clientAddress);
        return address != null && address.isLoopbackAddress();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
