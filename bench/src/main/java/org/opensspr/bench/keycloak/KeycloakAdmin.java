package org.opensspr.bench.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.opensspr.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Keycloak's admin REST API as the master realm's bootstrap admin (KC_BOOTSTRAP_ADMIN_* of bench/keycloak.sh):
 * a fresh token for each call, since the master realm's last only a minute and a run lasts longer.
 */
final class KeycloakAdmin {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = Json.newMapper();

    private final OkHttpClient http;
    private final HttpUrl keycloak;
    private final String username;
    private final String password;

    KeycloakAdmin(OkHttpClient http, HttpUrl keycloak, String username, String password) {
        this.http = http;
        this.keycloak = keycloak;
        this.username = username;
        this.password = password;
    }

    void createRealm(Object representation) {
        try {
            call(new Request.Builder().url(url("admin/realms"))
                    .post(RequestBody.create(MAPPER.writeValueAsBytes(representation), JSON)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parameters of the password a user has now, from its stored credential's data; empty if none. */
    Optional<KeycloakArgon2> passwordHashOf(String realm, String username) throws IOException {
        JsonNode found = call(new Request.Builder().url(url("admin/realms/" + realm + "/users").newBuilder()
                .addQueryParameter("username", username).addQueryParameter("exact", "true").build()));
        if (found.isEmpty()) {
            throw new IllegalStateException("No user " + username + " in realm " + realm);
        }
        String id = found.get(0).path("id").asText();
        for (JsonNode credential : call(new Request.Builder()
                .url(url("admin/realms/" + realm + "/users/" + id + "/credentials")))) {
            if ("password".equals(credential.path("type").asText())) {
                return Optional.of(KeycloakArgon2.fromCredentialData(
                        MAPPER.readTree(credential.path("credentialData").asText())));
            }
        }
        return Optional.empty();
    }

    private JsonNode call(Request.Builder request) throws IOException {
        try (Response response = http.newCall(request.header("Authorization", "Bearer " + token()).build())
                .execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException(response.request().method() + " " + response.request().url()
                        + ": HTTP " + response.code() + " " + body);
            }
            return body.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(body);
        }
    }

    private String token() throws IOException {
        Request request = new Request.Builder().url(url("realms/master/protocol/openid-connect/token"))
                .post(new FormBody.Builder().add("grant_type", "password").add("client_id", "admin-cli")
                        .add("username", username).add("password", password).build())
                .build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw new IllegalStateException("Keycloak refused the admin's sign-in: HTTP " + response.code()
                        + " " + body);
            }
            return MAPPER.readTree(body).path("access_token").asText();
        }
    }

    private HttpUrl url(String path) {
        return keycloak.newBuilder().addPathSegments(path).build();
    }
}
