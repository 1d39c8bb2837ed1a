package org.opensspr.bench.keycloak;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keycloak's argon2 password-hashing provider's parameters, as given to it (bench/keycloak.sh's
 * --spi-password-hashing--argon2--* options) or as read back from a stored credential's data, e.g.
 * {"algorithm":"argon2","hashIterations":2,"additionalParameters":{"type":["id"],"memory":["19456"],...}}.
 */
record KeycloakArgon2(String type, int memoryKib, int iterations, int parallelism, int hashBytes) {
    static final String PROVIDER = "argon2";

    /** OpenSSPR's own: Argon2id, m = 19 MiB, t = 2, p = 1, a 32-byte hash (server's PasswordHasher.owasp()). */
    static final KeycloakArgon2 OURS = new KeycloakArgon2("id", 19_456, 2, 1, 32);

    static KeycloakArgon2 fromCredentialData(JsonNode data) {
        if (!PROVIDER.equals(data.path("algorithm").asText())) {
            throw new IllegalStateException("The credential is hashed with " + data.path("algorithm").asText()
                    + ", not " + PROVIDER + ": " + data);
        }
        JsonNode extra = data.path("additionalParameters");
        return new KeycloakArgon2(first(extra, "type"), Integer.parseInt(first(extra, "memory")),
                data.path("hashIterations").asInt(), Integer.parseInt(first(extra, "parallelism")),
                Integer.parseInt(first(extra, "hashLength")));
    }

    private static String first(JsonNode parameters, String name) {
        JsonNode values = parameters.path(name);
        if (!values.isArray() || values.isEmpty()) {
            throw new IllegalStateException("No " + name + " in the credential's parameters: " + parameters);
        }
        return values.get(0).asText();
    }

    @Override
    public String toString() {
        return "Argon2%s m=%d KiB, t=%d, p=%d, %d-byte hash".formatted(type, memoryKib, iterations, parallelism,
                hashBytes);
    }
}
