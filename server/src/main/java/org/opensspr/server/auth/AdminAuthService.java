package org.opensspr.server.auth;

import org.jooq.DSLContext;
import org.opensspr.api.ErrorCode;
import org.opensspr.password.PasswordOwner;
import org.opensspr.server.auth.AdminSessionRepository.SessionRow;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.crypto.Tokens;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.throttling.LockoutSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Administrator sign-in (user name + password + TOTP code) and sessions.
 *
 * <p>Sign-in never tells which part was wrong: an unknown or disabled user, a user who isn't an
 * administrator, a wrong password and a wrong or reused code all get the same INVALID_CREDENTIALS,
 * and every path costs exactly one Argon2id verification (against a dummy hash when there is no
 * account). Smart lockout is checked before any secret is looked at, and every refusal counts.
 */
public final class AdminAuthService {
    static final String INVALID_MESSAGE = "The user name, password or verification code is not correct.";

    private final Database database;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final SecretBox secrets;
    private final AdminPasswordRules passwordRules;
    private final LockoutGuard lockout;
    private final SessionSettings sessionSettings;
    private final Totp totp = new Totp();
    private final Tokens tokens = new Tokens();
    private final AdminAccountRepository accounts = new AdminAccountRepository();
    private final AdminSessionRepository sessions = new AdminSessionRepository();
    /** Verified when there is no account, so that case costs what a real one does. */
    private final String dummyHash;

    public AdminAuthService(Database database, Clock clock, PasswordHasher hasher, SecretBox secrets,
                            AdminPasswordRules passwordRules, Supplier<LockoutSettings> lockoutSettings,
                            SessionSettings sessionSettings) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.passwordRules = Objects.requireNonNull(passwordRules, "passwordRules");
        this.lockout = LockoutGuard.create(database, clock, secrets, lockoutSettings);
        this.sessionSettings = Objects.requireNonNull(sessionSettings, "sessionSettings");
        this.dummyHash = hasher.unmatchableHash();
    }

    /**
     * Signs an administrator in.
     *
     * @throws ApiException ACCOUNT_LOCKED (with retry time) or INVALID_CREDENTIALS
     */
    public IssuedSession signIn(String userName, String password, String totpCode) {
        String subject = NewAdministrator.upnKeyOf(userName == null ? "" : userName);
        String typedPassword = password == null ? "" : password;
        if (subject.isEmpty() || subject.length() > NewAdministrator.MAX_UPN_LENGTH) {
            hasher.verify(typedPassword, dummyHash); // no such account can exist; cost the same anyway
            throw invalidCredentials();
        }
        // Counted before any secret is checked: a burst of guesses can't outrun the lockout.
        LockoutGuard.Attempt attempt = lockout.admitOrRefuse(subject, SignInChannel.CONSOLE, "password", typedPassword);
        Optional<AdminLogin> account = accounts.findByUpnKey(database.dsl(), subject)
                .filter(AdminLogin::mayUseConsole);
        boolean passwordMatches = hasher.verify(typedPassword, account.map(AdminLogin::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !passwordMatches) {
            throw invalidCredentials();
        }
        AdminLogin admin = account.get();
        OptionalLong step = verifyTotp(admin, totpCode);
        if (step.isEmpty()) {
            lockout.failedInstead(attempt, "totp", totpCode);
            throw invalidCredentials();
        }
        String newHash = hasher.needsRehash(admin.passwordHash()) ? hasher.hash(typedPassword) : null;
        IssuedSession session = database.inTransaction(tx -> {
            if (!accounts.acceptTotpStep(tx, admin.userId(), step.getAsLong())) {
                return null; // the same code was just used on another request
            }
            if (newHash != null) {
                accounts.rehashPassword(tx, admin.userId(), admin.passwordHash(), newHash);
            }
            lockout.succeeded(tx, attempt);
            return openSession(tx, admin);
        });
        if (session == null) {
            lockout.failedInstead(attempt, "totp", totpCode);
            throw invalidCredentials();
        }
        return session;
    }

    /**
     * The administrator a bearer token belongs to, with roles read afresh.
     *
     * @throws ApiException UNAUTHENTICATED for an unknown token or an account that may no longer use the
     *                      console, SESSION_EXPIRED for a session past its idle or absolute expiry
     */
    public Principal.Admin authenticate(String token) {
        String tokenHash = Tokens.sha256Hex(Objects.requireNonNull(token, "token"));
        SessionRow session = sessions.find(database.dsl(), tokenHash).orElseThrow(AdminAuthService::unauthenticated);
        Instant now = clock.instant();
        if (isExpired(session, now)) {
            database.inTransactionDo(tx -> sessions.delete(tx, tokenHash));
            throw new ApiException(ErrorCode.SESSION_EXPIRED, "Your session has expired. Sign in again.");
        }
        Optional<AdminLogin> admin = accounts.findById(database.dsl(), session.userId())
                .filter(AdminLogin::mayUseConsole);
        if (admin.isEmpty()) {
            database.inTransactionDo(tx -> sessions.delete(tx, tokenHash));
            throw unauthenticated();
        }
        if (!now.isBefore(session.lastSeenAt().plus(sessionSettings.touchInterval()))) {
            database.inTransactionDo(tx -> sessions.touch(tx, tokenHash, now));
        }
        return principal(admin.get(), tokenHash);
    }

    /** The caller's session as it stands ("who am I"). */
    public SessionInfo describe(Principal.Admin admin) {
        SessionRow session = sessions.find(database.dsl(), admin.sessionKey())
                .orElseThrow(AdminAuthService::unauthenticated);
        String displayName = accounts.findById(database.dsl(), admin.userId()).map(AdminLogin::nameToShow)
                .orElseThrow(AdminAuthService::unauthenticated);
        return new SessionInfo(admin, displayName, session.createdAt(), idleExpiry(session), session.expiresAt());
    }

    /** Ends the caller's session. */
    public void signOut(Principal.Admin admin) {
        database.inTransactionDo(tx -> sessions.delete(tx, admin.sessionKey()));
    }

    /**
     * Changes the caller's own password after checking the current one (and the TOTP code when one is
     * given), then ends every session of the account and opens a fresh one for the caller. Wrong
     * secrets count toward smart lockout like failed sign-ins.
     *
     * @param totpCode the authenticator code, or null to rely on the session's sign-in
     * @throws ApiException              ACCOUNT_LOCKED or INVALID_CREDENTIALS
     * @throws PasswordRejectedException when the new password breaks the password rules
     */
    public IssuedSession changePassword(Principal.Admin caller, String currentPassword, String newPassword,
                                        String totpCode) {
        AdminLogin admin = accounts.findById(database.dsl(), caller.userId()).filter(AdminLogin::mayUseConsole)
                .orElseThrow(AdminAuthService::unauthenticated);
        String subject = NewAdministrator.upnKeyOf(admin.userPrincipalName());
        String current = currentPassword == null ? "" : currentPassword;
        LockoutGuard.Attempt attempt = lockout.admitOrRefuse(subject, SignInChannel.CONSOLE, "password", current);
        if (!hasher.verify(current, admin.passwordHash())) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The current password or verification code is not correct.");
        }
        OptionalLong step = totpCode == null ? OptionalLong.empty() : verifyTotp(admin, totpCode);
        if (totpCode != null && step.isEmpty()) {
            lockout.failedInstead(attempt, "totp", totpCode);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The current password or verification code is not correct.");
        }
        String proposed = newPassword == null ? "" : newPassword;
        try {
            passwordRules.check(proposed, new PasswordOwner(admin.givenName(), admin.surname(), ""),
                    candidate -> sameText(candidate, current));
        } catch (PasswordRejectedException rejected) {
            lockout.withdraw(attempt); // the secrets were right; the new password isn't a failed sign-in
            throw rejected;
        }
        String newHash = hasher.hash(proposed);
        Instant now = clock.instant();
        IssuedSession session = database.inTransaction(tx -> {
            if (step.isPresent() && !accounts.acceptTotpStep(tx, admin.userId(), step.getAsLong())) {
                return null;
            }
            accounts.updatePasswordHash(tx, admin.userId(), newHash, now);
            sessions.deleteAllOf(tx, admin.userId());
            lockout.succeeded(tx, attempt);
            return openSession(tx, admin);
        });
        if (session == null) {
            lockout.failedInstead(attempt, "totp", totpCode);
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "This verification code was already used.");
        }
        return session;
    }

    /** Housekeeping: drops sign-in attempts too old for smart lockout to replay (any channel); returns how many. */
    public int purgeOldSignInAttempts() {
        return lockout.purgeBefore(clock.instant().minus(LockoutGuard.HISTORY));
    }

    /** Housekeeping: drops ended sessions; returns how many. */
    public int purgeExpiredSessions() {
        Instant now = clock.instant();
        return database.inTransaction(tx -> sessions.deleteExpired(tx, now, now.minus(sessionSettings.idleTimeout())));
    }

    private OptionalLong verifyTotp(AdminLogin admin, String code) {
        byte[] seed = secrets.open(admin.sealedTotpSecret(), AdminAccounts.TOTP_SECRET_PURPOSE);
        return totp.verify(seed, code, clock.instant(), admin.totpLastStep());
    }

    private IssuedSession openSession(DSLContext tx, AdminLogin admin) {
        Instant now = clock.instant();
        sessions.deleteExpiredOf(tx, admin.userId(), now, now.minus(sessionSettings.idleTimeout()));
        String token = tokens.newToken();
        String tokenHash = Tokens.sha256Hex(token);
        Instant absolute = now.plus(sessionSettings.absoluteLifetime());
        sessions.insert(tx, tokenHash, admin.userId(), now, absolute);
        Instant idle = now.plus(sessionSettings.idleTimeout());
        return new IssuedSession(token, principal(admin, tokenHash), admin.nameToShow(),
                idle.isBefore(absolute) ? idle : absolute, absolute);
    }

    private boolean isExpired(SessionRow session, Instant now) {
        return !now.isBefore(session.expiresAt()) || !now.isBefore(idleExpiry(session));
    }

    private Instant idleExpiry(SessionRow session) {
        Instant idle = session.lastSeenAt().plus(sessionSettings.idleTimeout());
        return idle.isBefore(session.expiresAt()) ? idle : session.expiresAt();
    }

    private static Principal.Admin principal(AdminLogin admin, String tokenHash) {
        return new Principal.Admin(admin.userId(), admin.userPrincipalName(), admin.roles(), tokenHash);
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static ApiException invalidCredentials() {
        return new ApiException(ErrorCode.INVALID_CREDENTIALS, INVALID_MESSAGE);
    }

    private static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The session is not valid; sign in again.");
    }

    /** Ends every console session of the user (a helpdesk reset), in the caller's transaction; answers how many. */
    public int endSessionsOf(org.jooq.DSLContext tx, String userId) {
        return sessions.deleteAllOf(tx, userId);
    }
}
