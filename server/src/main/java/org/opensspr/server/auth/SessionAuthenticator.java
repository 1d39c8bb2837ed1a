package org.opensspr.server.auth;

import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Authenticator;
import org.opensspr.server.http.Principal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns a bearer token into who is calling. Two kinds of token share the Authorization header and
 * are told apart by their prefix:
 * <ul>
 *   <li>{@value #KIOSK_PREFIX}… — a kiosk's device credential, handed whole (prefix included) to the
 *       kiosk resolver given to the constructor, which answers the kiosk or empty (it may also throw
 *       KIOSK_REVOKED itself);</li>
 *   <li>anything else — an administrator session token (43 base64url characters, an alphabet without
 *       {@code .}, so it can never look like a kiosk credential), resolved by {@link AdminAuthService}.</li>
 * </ul>
 * No token means an anonymous caller; a token that resolves to nobody is UNAUTHENTICATED.
 */
public final class SessionAuthenticator implements Authenticator {
    /** Kiosk device credentials start with this; the kiosk feature must issue them so. */
    public static final String KIOSK_PREFIX = "k.";
    /** Longer tokens are refused without any lookup. */
    static final int MAX_TOKEN_LENGTH = 512;

    private final AdminAuthService admins;
    private final BiFunction<String, String, Optional<Principal.Kiosk>> kiosks;

    /**
     * @param kiosks resolves a kiosk credential (the whole bearer token, prefix included) seen from a
     *               client address
     */
    public SessionAuthenticator(AdminAuthService admins, BiFunction<String, String, Optional<Principal.Kiosk>> kiosks) {
        this.admins = Objects.requireNonNull(admins, "admins");
        this.kiosks = Objects.requireNonNull(kiosks, "kiosks");
    }

    @Override
    public Principal authenticate(String bearerToken, String clientAddress) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return Principal.ANONYMOUS;
        }
        if (bearerToken.length() > MAX_TOKEN_LENGTH) {
            throw unauthenticated();
        }
        if (bearerToken.startsWith(KIOSK_PREFIX)) {
            return kiosks.apply(bearerToken, clientAddress).orElseThrow(SessionAuthenticator::unauthenticated);
        }
        return admins.authenticate(bearerToken);
    }

    private static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The credential is not valid; sign in again.");
    }
}
