package org.opensspr.bench.keycloak;

import okhttp3.HttpUrl;

import java.util.List;
import java.util.Map;

/**
 * The benchmark's realm in a Keycloak: reset by email allowed, passwords hashed with Argon2, brute-force
 * detection off (it is off by default; said here because it would lock users a benchmark resets over and over),
 * SMTP at the in-process mailbox, and one public client whose redirect URI marks the end of a login.
 */
record KeycloakRealm(HttpUrl keycloak, String name) {
    static final String CLIENT_ID = "opensspr-bench";
    /** Never fetched: the browser stops at the redirect to it (port 9, discard, has nothing to answer). */
    static final String REDIRECT_URI = "http://127.0.0.1:9/signed-in";

    HttpUrl loginUrl() {
        return keycloak.newBuilder().addPathSegments("realms/" + name + "/protocol/openid-connect/auth")
                .addQueryParameter("client_id", CLIENT_ID)
                .addQueryParameter("redirect_uri", REDIRECT_URI)
                .addQueryParameter("response_type", "code")
                .addQueryParameter("scope", "openid")
                .build();
    }

    /** Keycloak's redirect to the client with an authorization code: the person is signed in. */
    boolean isSignedInRedirect(HttpUrl url) {
        HttpUrl redirect = HttpUrl.get(REDIRECT_URI);
        return url.host().equals(redirect.host()) && url.port() == redirect.port()
                && url.encodedPath().equals(redirect.encodedPath()) && url.queryParameter("code") != null;
    }

    /** The realm, its client and its users as one representation for POST /admin/realms. */
    Map<String, Object> representation(List<KeycloakUser> users, int smtpPort) {
        return Map.of(
                "realm", name,
                "enabled", true,
                "resetPasswordAllowed", true,
                "passwordPolicy", "hashAlgorithm(" + KeycloakArgon2.PROVIDER + ")",
                "bruteForceProtected", false,
                "smtpServer", Map.of("host", "127.0.0.1", "port", Integer.toString(smtpPort),
                        "from", "keycloak@bench.example"),
                "clients", List.of(Map.of(
                        "clientId", CLIENT_ID,
                        "publicClient", true,
                        "standardFlowEnabled", true,
                        "redirectUris", List.of(REDIRECT_URI))),
                "users", users.stream().map(KeycloakRealm::userRepresentation).toList());
    }

    /** Names given: Keycloak's default user profile would otherwise ask for them after the reset. */
    private static Map<String, Object> userRepresentation(KeycloakUser user) {
        return Map.of(
                "username", user.username(),
                "email", user.email(),
                "emailVerified", true,
                "enabled", true,
                "firstName", "Load",
                "lastName", user.username());
    }
}
