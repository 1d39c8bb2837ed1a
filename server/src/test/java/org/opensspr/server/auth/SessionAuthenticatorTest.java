package org.opensspr.server.auth;

import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SessionAuthenticatorTest {

    @OnBothDatabases
    void tellsKioskCredentialsFromAdminSessionsByPrefix(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin("ada@contoso.com", Role.GLOBAL_ADMINISTRATOR);
            IssuedSession session = f.signIn(ada, AuthFixture.PASSWORD);
            List<String> askedAbout = new ArrayList<>();
            Principal.Kiosk lobby = new Principal.Kiosk("kiosk-1", "Lobby");
            SessionAuthenticator authenticator = new SessionAuthenticator(f.auth, (credential, address) -> {
                askedAbout.add(credential);
                return credential.equals("k.lobby-secret") ? Optional.of(lobby) : Optional.empty();
            });

            assertThat(authenticator.authenticate(null, "127.0.0.1")).isEqualTo(Principal.ANONYMOUS);
            assertThat(authenticator.authenticate("k.lobby-secret", "127.0.0.1")).isEqualTo(lobby);
            assertThat(authenticator.authenticate(session.token(), "127.0.0.1"))
                    .isInstanceOfSatisfying(Principal.Admin.class, a -> assertThat(a.userId()).isEqualTo(ada.userId()));
            assertThat(refusal(() -> authenticator.authenticate("k.unknown", "127.0.0.1"))).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refusal(() -> authenticator.authenticate("x".repeat(600), "127.0.0.1")))
                    .isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(askedAbout).containsExactly("k.lobby-secret", "k.unknown");
        }
    }

    private static ErrorCode refusal(Runnable call) {
        return catchThrowableOfType(ApiException.class, call::run).code();
    }
}
