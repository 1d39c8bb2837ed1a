package org.opensspr.server.secinfo;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.MethodRegistration;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.auth.Totp;
import org.opensspr.server.crypto.Base32;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryRepository;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.USER_TOTP;

/** End users' Authenticator app on H2 and PostgreSQL, with codes computed by Debian's oathtool. */
class UserTotpTest {
    /** 20 bytes, base32: what the demo seeder would pass. */
    private static final String DEMO_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final ServerClock clock = ServerClock.movable(Clock.fixed(SecInfoFixtures.T0, ZoneOffset.UTC));
    private final SecretBox secrets = SecretBox.withKey(new byte[SecretBox.KEY_BYTES]);
    private final UserTotp userTotp = new UserTotp(clock, secrets, new Totp());

    private TotpCheck verify(Database db, String userId, String code, Instant at) {
        return db.inTransaction(tx -> userTotp.verify(tx, userId, code, at));
    }

    @OnBothDatabases
    void registrationHandsOutTheSecretOnceAndCountsAsTheAuthenticatorApp(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");

        TotpEnrollment enrollment = db.inTransaction(tx -> userTotp.register(tx, "ada"));

        assertThat(enrollment.base32Secret()).matches("[A-Z2-7]{32}");
        assertThat(enrollment.otpauthUri()).isEqualTo("otpauth://totp/OpenSSPR:ada%40contoso.example?secret="
                + enrollment.base32Secret() + "&issuer=OpenSSPR&algorithm=SHA1&digits=6&period=30");
        assertThat(enrollment.toString()).doesNotContain(enrollment.base32Secret());
        DirectoryUser user = new DirectoryRepository().loadUser(db.dsl(), "ada").orElseThrow();
        assertThat(user.registrations()).containsExactly(new MethodRegistration(
                AuthMethod.Registration.AUTHENTICATOR_APP, SecInfoFixtures.T0, RegistrationSource.USER, Set.of()));
        String stored = db.dsl().fetchValue(USER_TOTP.SECRET_SEALED);
        assertThat(stored).doesNotContain(enrollment.base32Secret());
        assertThat(secrets.open(stored, UserTotp.SECRET_PURPOSE))
                .isEqualTo(Base32.decode(enrollment.base32Secret()));
    }

    @OnBothDatabases
    void acceptsOathtoolsCodeOnceAndOneStepEitherSide(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        String secret = db.inTransaction(tx -> userTotp.register(tx, "ada")).base32Secret();
        Instant now = Instant.parse("2026-11-03T09:00:10Z");

        String previous = Oathtool.totp(secret, now.minusSeconds(30));
        String current = Oathtool.totp(secret, now);
        String next = Oathtool.totp(secret, now.plusSeconds(30));
        String tooOld = Oathtool.totp(secret, now.minusSeconds(60));

        if (!Set.of(previous, current, next).contains(tooOld)) { // one chance in ~300,000 that it is
            assertThat(verify(db, "ada", tooOld, now)).as("two steps back").isEqualTo(TotpCheck.WRONG);
        }
        assertThat(verify(db, "ada", previous, now)).as("one step back").isEqualTo(TotpCheck.ACCEPTED);
        assertThat(verify(db, "ada", previous, now)).as("replay").isEqualTo(TotpCheck.ALREADY_USED);
        assertThat(verify(db, "ada", current, now)).isEqualTo(TotpCheck.ACCEPTED);
        assertThat(verify(db, "ada", current, now.plusSeconds(20))).as("replay, next step")
                .isEqualTo(TotpCheck.ALREADY_USED);
        assertThat(verify(db, "ada", next, now)).as("one step ahead").isEqualTo(TotpCheck.ACCEPTED);
        assertThat(verify(db, "ada", previous, now)).as("older than the last accepted")
                .isEqualTo(TotpCheck.ALREADY_USED);
        assertThat(db.dsl().fetchValue(USER_TOTP.LAST_STEP)).isEqualTo(Totp.stepAt(now) + 1);
    }

    @OnBothDatabases
    void theDemoSecretWorksWithOathtoolAndShortOrBadSecretsAreRefused(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        Instant now = clock.instant();

        TotpEnrollment enrollment = db.inTransaction(tx -> userTotp.registerWithSecret(tx, "ada", DEMO_SECRET));

        assertThat(enrollment.base32Secret()).isEqualTo(DEMO_SECRET);
        assertThat(verify(db, "ada", Oathtool.totp(DEMO_SECRET, now), now)).isEqualTo(TotpCheck.ACCEPTED);
        assertThatThrownBy(() -> db.inTransaction(tx -> userTotp.registerWithSecret(tx, "ada", "JBSWY3DPEHPK3PXP")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> db.inTransaction(tx -> userTotp.registerWithSecret(tx, "ada", "not base32!")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.inTransaction(tx -> userTotp.register(tx, "nobody")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @OnBothDatabases
    void reRegisteringReplacesTheAppAndRemovingForgetsIt(Database db) {
        SecInfoFixtures.addUser(db.dsl(), "ada");
        SecInfoFixtures.addUser(db.dsl(), "bob");
        Instant now = clock.instant();
        db.inTransaction(tx -> userTotp.registerWithSecret(tx, "ada", DEMO_SECRET));
        assertThat(verify(db, "ada", Oathtool.totp(DEMO_SECRET, now), now)).isEqualTo(TotpCheck.ACCEPTED);

        String replaced = db.inTransaction(tx -> userTotp.register(tx, "ada")).base32Secret();
        Instant later = now.plus(Duration.ofMinutes(1));

        assertThat(verify(db, "ada", Oathtool.totp(replaced, later), later)).as("fresh last step")
                .isEqualTo(TotpCheck.ACCEPTED);
        assertThat(verify(db, "ada", Oathtool.totp(DEMO_SECRET, later.plusSeconds(30)), later.plusSeconds(30)))
                .as("the old app's code").isEqualTo(TotpCheck.WRONG);
        assertThat(verify(db, "bob", "123456", now)).isEqualTo(TotpCheck.NOT_REGISTERED);
        assertThat(verify(db, "ada", null, now)).isEqualTo(TotpCheck.WRONG);

        boolean removed = db.inTransaction(tx -> userTotp.remove(tx, "ada"));
        boolean stillRegistered = db.inTransaction(tx -> userTotp.isRegistered(tx, "ada"));
        assertThat(removed).isTrue();
        assertThat(stillRegistered).isFalse();
        assertThat(new DirectoryRepository().loadUser(db.dsl(), "ada").orElseThrow().registrations()).isEmpty();
        assertThat(verify(db, "ada", Oathtool.totp(replaced, later), later)).isEqualTo(TotpCheck.NOT_REGISTERED);
    }
}
