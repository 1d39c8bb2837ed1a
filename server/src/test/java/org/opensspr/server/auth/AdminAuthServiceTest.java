package org.opensspr.server.auth;

import org.opensspr.api.ErrorCode;
import org.opensspr.directory.Role;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.throttling.LockoutSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opensspr.server.db.Tables.ADMIN_CREDENTIAL;
import static org.opensspr.server.db.Tables.ADMIN_SESSION;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.SIGN_IN_ATTEMPT;
import static org.opensspr.server.db.Tables.SIGN_IN_SUBJECT;
import static org.opensspr.server.db.Tables.USER_ROLE;

class AdminAuthServiceTest {
    private static final String UPN = "ada@contoso.com";

    @OnBothDatabases
    void signsInWithPasswordAndTheCodeOathtoolComputes(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.HELPDESK_ADMINISTRATOR);
            f.nextStep();

            IssuedSession session = f.auth.signIn("  ADA@Contoso.com ", AuthFixture.PASSWORD, f.code(ada));

            assertThat(session.token()).matches("[A-Za-z0-9_-]{43}");
            assertThat(session.admin().userId()).isEqualTo(ada.userId());
            assertThat(session.admin().roles()).containsExactly(Role.HELPDESK_ADMINISTRATOR);
            assertThat(session.displayName()).isEqualTo("Ada Admin");
            assertThat(session.idleExpiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(30)));
            assertThat(session.absoluteExpiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(12)));
            assertThat(session.toString()).doesNotContain(session.token());
            // Only the token's hash is stored.
            assertThat(f.db.dsl().select(ADMIN_SESSION.TOKEN_HASH).from(ADMIN_SESSION).fetchSingle().value1())
                    .isEqualTo(Tokens.sha256Hex(session.token()));

            Principal.Admin admin = f.auth.authenticate(session.token());
            assertThat(admin.userPrincipalName()).isEqualTo(UPN);
            assertThat(admin.sessionKey()).isEqualTo(Tokens.sha256Hex(session.token()));
        }
    }

    @OnBothDatabases
    void wrongPasswordWrongCodeUnknownUserAndNonAdminAllLookTheSame(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            insertPlainUser(f, "bob@contoso.com");
            f.nextStep();
            String code = f.code(ada);
            String wrongCode = code.equals("000000") ? "000001" : "000000";

            List<ApiException> refusals = List.of(
                    refusal(() -> f.auth.signIn(UPN, "Wrong-Password-1", code)),
                    refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, wrongCode)),
                    refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, "")),
                    refusal(() -> f.auth.signIn("nobody@contoso.com", AuthFixture.PASSWORD, code)),
                    refusal(() -> f.auth.signIn("bob@contoso.com", AuthFixture.PASSWORD, code)),
                    refusal(() -> f.auth.signIn("", "", "")));

            assertThat(refusals).allSatisfy(e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
                assertThat(e.getMessage()).isEqualTo(AdminAuthService.INVALID_MESSAGE);
                assertThat(e.fieldErrors()).isEmpty();
                assertThat(e.retryAfter()).isNull();
            });
            // Every refusal counted, with keyed fingerprints instead of the secrets.
            assertThat(f.db.dsl().fetchCount(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.SUBJECT_KEY.eq(UPN))).isEqualTo(3);
            assertThat(f.db.dsl().select(SIGN_IN_ATTEMPT.WRONG_PASSWORD_FINGERPRINT).from(SIGN_IN_ATTEMPT)
                    .fetch(SIGN_IN_ATTEMPT.WRONG_PASSWORD_FINGERPRINT))
                    .allSatisfy(fp -> assertThat(fp).matches("[0-9a-f]{64}")
                            .doesNotContain("Wrong-Password").doesNotContain(AuthFixture.PASSWORD));
            assertThat(f.db.dsl().fetchCount(ADMIN_SESSION)).isZero();
            // The account still works.
            assertThat(f.auth.signIn(UPN, AuthFixture.PASSWORD, code).admin().userId()).isEqualTo(ada.userId());
        }
    }

    @OnBothDatabases
    void acceptsEachCodeOnce(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            f.nextStep();
            String code = f.code(ada);

            f.auth.signIn(UPN, AuthFixture.PASSWORD, code);
            assertThat(refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, code)).code())
                    .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            // The previous step's code is older than the one used: refused too, though inside the window.
            String previous = f.codeIn(ada, Duration.ofSeconds(-Totp.STEP_SECONDS));
            if (!previous.equals(f.codeIn(ada, Duration.ofSeconds(Totp.STEP_SECONDS)))) {
                assertThat(refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, previous)).code())
                        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            }
            // The next step's code is fresh (clock drift window) and works once.
            String next = f.codeIn(ada, Duration.ofSeconds(Totp.STEP_SECONDS));
            f.auth.signIn(UPN, AuthFixture.PASSWORD, next);
            assertThat(f.db.dsl().select(ADMIN_CREDENTIAL.TOTP_LAST_STEP).from(ADMIN_CREDENTIAL).fetchSingle().value1())
                    .isEqualTo(Totp.stepAt(f.clock.instant()) + 1);
            f.nextStep();
            assertThat(refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, next)).code())
                    .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        }
    }

    @OnBothDatabases
    void locksOutAfterTheThresholdLongerEachTimeIgnoringRepeatedPasswords(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            f.lockout.set(new LockoutSettings(3, Duration.ofSeconds(60)));
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);

            // Two wrong passwords typed five times, then a third: the repeats don't count, the third locks.
            for (String wrong : List.of("Wrong-1", "Wrong-1", "Wrong-2", "Wrong-1", "Wrong-2", "Wrong-3")) {
                f.clock.advance(Duration.ofSeconds(1)); // attempts at one instant would replay in fingerprint order
                assertThat(refusal(() -> f.auth.signIn(UPN, wrong, "123456")).code())
                        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            }
            Instant lockedAt = f.clock.instant();

            // Locked: even the right password and code are refused unchecked, with when to retry.
            ApiException locked = refusal(() -> f.signIn(ada, AuthFixture.PASSWORD));
            assertThat(locked.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
            assertThat(locked.retryAfter()).isEqualTo(lockedAt.plusSeconds(60));
            int rows = f.db.dsl().fetchCount(SIGN_IN_ATTEMPT);

            // After the first lockout every new wrong password locks again, for twice as long.
            f.clock.advance(Duration.ofSeconds(31)); // 61 s after locking
            assertThat(refusal(() -> f.auth.signIn(UPN, "Wrong-4", "123456")).code())
                    .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            ApiException second = refusal(() -> f.auth.signIn(UPN, "Wrong-5", "123456"));
            assertThat(second.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
            assertThat(second.retryAfter()).isEqualTo(f.clock.instant().plusSeconds(120));
            assertThat(f.db.dsl().fetchCount(SIGN_IN_ATTEMPT)).isEqualTo(rows + 1); // refused unchecked, not counted

            // One of the last three wrong passwords again: not counted, no new lockout.
            f.clock.advance(Duration.ofSeconds(120));
            assertThat(f.clock.instant()).isEqualTo(second.retryAfter());
            assertThat(refusal(() -> f.auth.signIn(UPN, "Wrong-3", "123456")).code())
                    .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            // Wrong-1 has dropped out of the last three (Wrong-2, Wrong-3, Wrong-4): it counts and locks for 240 s.
            ApiException third = refusal(() -> {
                f.clock.advance(Duration.ofSeconds(1));
                try {
                    f.auth.signIn(UPN, "Wrong-1", "123456");
                } catch (ApiException first) {
                    assertThat(first.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
                }
                f.auth.signIn(UPN, AuthFixture.PASSWORD, f.code(ada));
            });
            assertThat(third.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
            assertThat(third.retryAfter()).isEqualTo(f.clock.instant().plusSeconds(240));

            // Once the lockout ends, the right password and code get in and clear the record.
            f.clock.advance(Duration.ofSeconds(240));
            f.signIn(ada, AuthFixture.PASSWORD);
            assertThat(f.db.dsl().fetchCount(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.SUCCEEDED.isFalse())).isZero();
        }
    }

    @OnBothDatabases
    void wrongCodesCountTowardLockoutAndUnknownNamesLockToo(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            f.lockout.set(new LockoutSettings(3, Duration.ofSeconds(60)));
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            f.nextStep();
            String right = f.code(ada);
            List<String> wrongCodes = java.util.stream.Stream.of("111111", "222222", "333333", "444444")
                    .filter(c -> !c.equals(right)).limit(3).toList();

            for (String wrong : wrongCodes) {
                assertThat(refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, wrong)).code())
                        .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            }
            assertThat(refusal(() -> f.auth.signIn(UPN, AuthFixture.PASSWORD, right)).code())
                    .isEqualTo(ErrorCode.ACCOUNT_LOCKED);

            for (String wrong : List.of("a", "b", "c")) {
                refusal(() -> f.auth.signIn("ghost@contoso.com", wrong, "123456"));
            }
            assertThat(refusal(() -> f.auth.signIn("GHOST@contoso.com", "d", "123456")).code())
                    .isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        }
    }

    @OnBothDatabases
    void sessionsEndWhenIdleAndAtTheirAbsoluteExpiry(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);

            IssuedSession idle = f.signIn(ada, AuthFixture.PASSWORD);
            f.clock.advance(Duration.ofMinutes(29));
            f.auth.authenticate(idle.token()); // used: the idle clock starts again
            f.clock.advance(Duration.ofMinutes(29));
            f.auth.authenticate(idle.token());
            f.clock.advance(Duration.ofMinutes(30));
            assertThat(refusal(() -> f.auth.authenticate(idle.token())).code()).isEqualTo(ErrorCode.SESSION_EXPIRED);
            // An ended session is gone: it is unknown from then on.
            assertThat(refusal(() -> f.auth.authenticate(idle.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);

            IssuedSession busy = f.signIn(ada, AuthFixture.PASSWORD);
            Instant signedIn = f.clock.instant();
            while (f.clock.instant().isBefore(signedIn.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(20)))) {
                f.clock.advance(Duration.ofMinutes(20));
                f.auth.authenticate(busy.token());
            }
            f.clock.advance(Duration.ofMinutes(20));
            assertThat(refusal(() -> f.auth.authenticate(busy.token())).code()).isEqualTo(ErrorCode.SESSION_EXPIRED);

            assertThat(refusal(() -> f.auth.authenticate("never-issued")).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        }
    }

    @OnBothDatabases
    void writesLastUseAtMostOnceAMinute(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            IssuedSession session = f.signIn(ada, AuthFixture.PASSWORD);
            Instant signedIn = f.clock.instant();

            f.clock.advance(Duration.ofSeconds(59));
            f.auth.authenticate(session.token());
            assertThat(lastSeen(f)).isEqualTo(signedIn);
            f.clock.advance(Duration.ofSeconds(1));
            f.auth.authenticate(session.token());
            assertThat(lastSeen(f)).isEqualTo(signedIn.plusSeconds(60));

            SessionInfo info = f.auth.describe(f.auth.authenticate(session.token()));
            assertThat(info.idleExpiresAt()).isEqualTo(signedIn.plusSeconds(60).plus(Duration.ofMinutes(30)));
            assertThat(info.absoluteExpiresAt()).isEqualTo(signedIn.plus(Duration.ofHours(12)));
            assertThat(info.createdAt()).isEqualTo(signedIn);
        }
    }

    @OnBothDatabases
    void changingThePasswordEndsEverySessionAndOpensAFreshOne(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            IssuedSession laptop = f.signIn(ada, AuthFixture.PASSWORD);
            IssuedSession desktop = f.signIn(ada, AuthFixture.PASSWORD);
            Principal.Admin caller = f.auth.authenticate(laptop.token());
            f.nextStep();

            IssuedSession fresh = f.auth.changePassword(caller, AuthFixture.PASSWORD, "Amber-Harbour-58", f.code(ada));

            assertThat(refusal(() -> f.auth.authenticate(laptop.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refusal(() -> f.auth.authenticate(desktop.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(f.auth.authenticate(fresh.token()).userId()).isEqualTo(ada.userId());
            assertThat(refusal(() -> f.signIn(ada, AuthFixture.PASSWORD)).code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            f.signIn(ada, "Amber-Harbour-58");
        }
    }

    @OnBothDatabases
    void changingThePasswordChecksTheCurrentOneAndTheRules(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            IssuedSession session = f.signIn(ada, AuthFixture.PASSWORD);
            Principal.Admin caller = f.auth.authenticate(session.token());

            assertThat(refusal(() -> f.auth.changePassword(caller, "Not-The-Password-1", "Amber-Harbour-58", null))
                    .code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            assertThat(refusal(() -> f.auth.changePassword(caller, AuthFixture.PASSWORD, "Amber-Harbour-58", "000000x"))
                    .code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
            PasswordRejectedException same = catchThrowableOfType(PasswordRejectedException.class,
                    () -> f.auth.changePassword(caller, AuthFixture.PASSWORD, AuthFixture.PASSWORD, null));
            assertThat(same.violations()).hasSize(1).first().isInstanceOf(
                    org.opensspr.password.PasswordViolation.SameAsCurrentPassword.class);
            assertThat(catchThrowableOfType(PasswordRejectedException.class,
                    () -> f.auth.changePassword(caller, AuthFixture.PASSWORD, "short", null)).violations()).isNotEmpty();
            // Nothing changed: the session still works and the old password still signs in.
            f.auth.authenticate(session.token());
            assertThat(f.db.dsl().fetchCount(SIGN_IN_ATTEMPT, SIGN_IN_ATTEMPT.SUCCEEDED.isFalse())).isEqualTo(2);
            f.signIn(ada, AuthFixture.PASSWORD);
        }
    }

    @OnBothDatabases
    void rolesAreReadAgainOnEveryRequest(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.HELPDESK_ADMINISTRATOR);
            IssuedSession session = f.signIn(ada, AuthFixture.PASSWORD);

            f.db.dsl().insertInto(USER_ROLE).set(USER_ROLE.USER_ID, ada.userId())
                    .set(USER_ROLE.ROLE, Role.GLOBAL_ADMINISTRATOR.name()).execute();
            assertThat(f.auth.authenticate(session.token()).roles())
                    .containsExactlyInAnyOrder(Role.HELPDESK_ADMINISTRATOR, Role.GLOBAL_ADMINISTRATOR);

            f.db.dsl().deleteFrom(USER_ROLE).where(USER_ROLE.ROLE.eq(Role.HELPDESK_ADMINISTRATOR.name())).execute();
            assertThat(f.auth.authenticate(session.token()).roles()).containsExactly(Role.GLOBAL_ADMINISTRATOR);

            f.db.dsl().deleteFrom(USER_ROLE).execute();
            assertThat(refusal(() -> f.auth.authenticate(session.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refusal(() -> f.signIn(ada, AuthFixture.PASSWORD)).code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        }
    }

    @OnBothDatabases
    void aDisabledAdministratorIsSignedOutAndCannotSignIn(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            IssuedSession session = f.signIn(ada, AuthFixture.PASSWORD);

            f.db.dsl().update(DIRECTORY_USER).set(DIRECTORY_USER.ENABLED, false).execute();

            assertThat(refusal(() -> f.auth.authenticate(session.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(refusal(() -> f.signIn(ada, AuthFixture.PASSWORD)).code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        }
    }

    @OnBothDatabases
    void signOutEndsOnlyThatSession(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            IssuedSession one = f.signIn(ada, AuthFixture.PASSWORD);
            IssuedSession two = f.signIn(ada, AuthFixture.PASSWORD);

            f.auth.signOut(f.auth.authenticate(one.token()));

            assertThat(refusal(() -> f.auth.authenticate(one.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(f.auth.authenticate(two.token()).userId()).isEqualTo(ada.userId());
        }
    }

    @OnBothDatabases
    void rehashesAnOutdatedHashAtSignIn(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            String cheap = new org.opensspr.server.crypto.PasswordHasher(
                    new org.opensspr.server.crypto.PasswordHasher.Cost(4096, 1, 1, 16, 32),
                    new java.security.SecureRandom()).hash(AuthFixture.PASSWORD);
            f.db.dsl().update(ADMIN_CREDENTIAL).set(ADMIN_CREDENTIAL.PASSWORD_HASH, cheap).execute();

            f.signIn(ada, AuthFixture.PASSWORD);

            String stored = f.db.dsl().select(ADMIN_CREDENTIAL.PASSWORD_HASH).from(ADMIN_CREDENTIAL).fetchSingle().value1();
            assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(f.hasher.verify(AuthFixture.PASSWORD, stored)).isTrue();
        }
    }

    @OnBothDatabases
    void housekeepingDropsEndedSessionsAndStaleAttempts(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            AdminEnrollment ada = f.createAdmin(UPN, Role.GLOBAL_ADMINISTRATOR);
            f.signIn(ada, AuthFixture.PASSWORD);
            refusal(() -> f.auth.signIn("ghost@contoso.com", "x", "123456"));
            f.clock.advance(Duration.ofMinutes(31));
            IssuedSession live = f.signIn(ada, AuthFixture.PASSWORD);

            assertThat(f.auth.purgeExpiredSessions()).isZero(); // sign-in already tidied this user's ended session
            assertThat(f.auth.purgeOldSignInAttempts()).isZero();
            f.clock.advance(Duration.ofHours(49));
            assertThat(f.auth.purgeExpiredSessions()).isEqualTo(1);
            assertThat(f.auth.purgeOldSignInAttempts()).isEqualTo(2); // the ghost's failure and ada's last success
            assertThat(refusal(() -> f.auth.authenticate(live.token())).code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
            assertThat(subjects(f)).as("names with nothing left to count go with their attempts").isEmpty();
        }
    }

    @OnBothDatabases
    void housekeepingKeepsANameTriedJustNowEvenBeforeItsFirstAttemptIsRecorded(TestDatabases kind) {
        try (AuthFixture f = new AuthFixture(kind)) {
            refusal(() -> f.auth.signIn("ghost@contoso.com", "x", "123456"));
            f.clock.advance(Duration.ofHours(49));
            // A name's lock row, created just now by a sign-in whose attempt isn't recorded yet.
            f.db.dsl().insertInto(SIGN_IN_SUBJECT).set(SIGN_IN_SUBJECT.SUBJECT_KEY, "new@contoso.com")
                    .set(SIGN_IN_SUBJECT.CHANNEL, "CONSOLE")
                    .set(SIGN_IN_SUBJECT.CREATED_AT, org.opensspr.server.db.DbTime.of(f.clock.instant())).execute();

            f.auth.purgeOldSignInAttempts();

            assertThat(subjects(f)).as("the old idle name goes, the new one stays").containsExactly("new@contoso.com");
        }
    }

    private static java.util.List<String> subjects(AuthFixture f) {
        return f.db.dsl().select(SIGN_IN_SUBJECT.SUBJECT_KEY).from(SIGN_IN_SUBJECT).fetch(SIGN_IN_SUBJECT.SUBJECT_KEY);
    }

    private static Instant lastSeen(AuthFixture f) {
        return f.db.dsl().select(ADMIN_SESSION.LAST_SEEN_AT).from(ADMIN_SESSION).fetchSingle().value1().toInstant();
    }

    private static void insertPlainUser(AuthFixture f, String upn) {
        OffsetDateTime now = OffsetDateTime.ofInstant(f.clock.instant(), ZoneOffset.UTC);
        f.db.dsl().insertInto(DIRECTORY_USER)
                .set(DIRECTORY_USER.ID, "u-" + upn)
                .set(DIRECTORY_USER.UPN, upn)
                .set(DIRECTORY_USER.UPN_KEY, upn)
                .set(DIRECTORY_USER.GIVEN_NAME_KEY, "")
                .set(DIRECTORY_USER.SURNAME_KEY, "")
                .set(DIRECTORY_USER.DISPLAY_NAME_KEY, "")
                .set(DIRECTORY_USER.SOURCE, "CLOUD")
                .set(DIRECTORY_USER.ENABLED, true)
                .set(DIRECTORY_USER.PASSWORD_HASH, f.hasher.hash(AuthFixture.PASSWORD))
                .set(DIRECTORY_USER.CREATED_AT, now)
                .set(DIRECTORY_USER.UPDATED_AT, now)
                .execute();
    }

    private static ApiException refusal(Runnable call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }
}
