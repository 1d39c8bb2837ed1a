package org.opensspr.bench.keycloak;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading back the hash parameters of a credential Keycloak stored, and telling the end of a login. */
class KeycloakArgon2Test {
    @Test
    void aStoredArgon2CredentialsParametersAreRead() throws Exception {
        var data = Json.newMapper().readTree("""
                {"hashIterations":2,"algorithm":"argon2","additionalParameters":{"hashLength":["32"],
                 "memory":["19456"],"type":["id"],"version":["1.3"],"parallelism":["1"]}}""");

        assertThat(KeycloakArgon2.fromCredentialData(data)).isEqualTo(KeycloakArgon2.OURS);
    }

    @Test
    void aCredentialHashedOtherwiseIsRefused() throws Exception {
        var data = Json.newMapper().readTree("""
                {"hashIterations":27500,"algorithm":"pbkdf2-sha512","additionalParameters":{}}""");

        assertThatThrownBy(() -> KeycloakArgon2.fromCredentialData(data)).hasMessageContaining("pbkdf2-sha512");
    }

    @Test
    void onlyTheRedirectToTheClientWithACodeIsASignIn() {
        KeycloakRealm realm = new KeycloakRealm(HttpUrl.get("http://127.0.0.1:8080"), "r");

        assertThat(realm.isSignedInRedirect(HttpUrl.get(KeycloakRealm.REDIRECT_URI + "?state=s&code=c1"))).isTrue();
        assertThat(realm.isSignedInRedirect(HttpUrl.get(KeycloakRealm.REDIRECT_URI + "?error=access_denied")))
                .isFalse();
        assertThat(realm.isSignedInRedirect(HttpUrl.get("http://127.0.0.1:8080/realms/r/login-actions/x?code=c1")))
                .isFalse();
    }
}
