package org.opensspr.server.http;

/**
 * Turns a request's bearer credential into a {@link Principal}. Throws {@link ApiException} with
 * UNAUTHENTICATED / SESSION_EXPIRED / KIOSK_REVOKED when a credential is presented but not valid.
 */
@FunctionalInterface
public interface Authenticator {
    Principal authenticate(String bearerToken, String clientAddress);
}
