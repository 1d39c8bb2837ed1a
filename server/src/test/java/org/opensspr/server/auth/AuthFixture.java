package org.opensspr.server.auth;

import org.opensspr.directory.Role;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.time.ServerClock;
import org.opensspr.throttling.LockoutSettings;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** A fresh database with the auth services over it, a movable clock and helpers to sign in. */
final class AuthFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-03T09:00:00Z");
    static final String PASSWORD = "Violet-Kettle-73";

    final Database db;
    final ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));
    final SecretBox secrets;
    final PasswordHasher hasher = PasswordHasher.owasp();
    final AtomicReference<LockoutSettings> lockout = new AtomicReference<>(LockoutSettings.DEFAULT);
    final AdminAccounts accounts;
    final AdminAuthService auth;

    AuthFixture(TestDatabases kind) {
        db = kind.fresh();
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        secrets = SecretBox.withKey(key);
        AdminPasswordRules rules = AdminPasswordRules.cloudDefaults();
        accounts = new AdminAccounts(db, clock, hasher, secrets, rules, new Totp());
        auth = new AdminAuthService(db, clock, hasher, secrets, rules, lockout::get, SessionSettings.DEFAULT);
    }

    AdminEnrollment createAdmin(String upn, Role... roles) {
        return accounts.create(new NewAdministrator(upn, "Ada Admin", "Ada", "Lovelace", PASSWORD, Set.of(roles)));
    }

    /** The code oathtool computes for the enrollment's secret at the clock's current time. */
    String code(AdminEnrollment enrollment) {
        return Oathtool.totp(enrollment.base32Secret(), clock.instant());
    }

    String codeIn(AdminEnrollment enrollment, Duration from) {
        return Oathtool.totp(enrollment.base32Secret(), clock.instant().plus(from));
    }

    /** Signs in with the current code, first moving to a fresh TOTP step so the code is unused. */
    IssuedSession signIn(AdminEnrollment enrollment, String password) {
        nextStep();
        return auth.signIn(enrollment.userPrincipalName(), password, code(enrollment));
    }

    void nextStep() {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    @Override
    public void close() {
        db.close();
    }
}
