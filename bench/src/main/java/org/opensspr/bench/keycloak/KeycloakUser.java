package org.opensspr.bench.keycloak;

/** A person in the benchmark realm who can reset by email; the email goes to the in-process mailbox. */
record KeycloakUser(String username, String email) {
    static KeycloakUser numbered(int n) {
        String name = "load%06d".formatted(n);
        return new KeycloakUser(name, name + "@private.example");
    }
}
