package org.opensspr.server.signin;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.UserPasswordChangeRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.api.UserSignInResultDto.Outcome;
import org.opensspr.password.PasswordViolation;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.auth.PasswordRejectedException;
import org.opensspr.server.auth.SignInChannel;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.helpdesk.TemporaryAccessPasses;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.LanguageTags;
import org.opensspr.server.kiosk.KioskCaller;
import org.opensspr.server.secinfo.SecurityInfoService;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.throttling.LockoutState;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The lock screen's own sign-in and change-password for cloud users, under smart lockout (the KIOSK
 * channel). Every path costs one Argon2id verification, and an unknown name answers like a wrong
 * password, so the lock screen reveals no accounts.
 */
public final class UserSignInService {
    private static final int MAX_FIELD = 1024;

    private final Database database;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final LockoutGuard lockout;
    private final PolicyService policies;
    private final DirectoryService directory;
    private final CloudPasswordRules rules;
    private final AuditLog audit;
    private final UserCredentials credentials = new UserCredentials();
    private final String dummyHash;
    private final SecurityInfoService securityInfo;
    private final TemporaryAccessPasses passes = new TemporaryAccessPasses();

    public UserSignInService(Database database, Clock clock, PasswordHasher hasher, LockoutGuard lockout,
                             PolicyService policies, DirectoryService directory, CloudPasswordRules rules, AuditLog audit,
                             SecurityInfoService securityInfo) {
        this.database = database;
        this.clock = clock;
        this.hasher = hasher;
        this.lockout = lockout;
        this.policies = policies;
        this.directory = directory;
        this.rules = rules;
        this.audit = audit;
        this.dummyHash = hasher.unmatchableHash();
        this.securityInfo = securityInfo;
    }

    /**
     * Signs the user in. On success the answer carries the user's security-info session for this kiosk and
     * what to ask before letting them in (register, confirm, reconfirm: docs/design.md §7).
     */
    public UserSignInResultDto signIn(UserSignInRequest request, KioskCaller caller) {
        String subject = subject(request.userName());
        requireBounded(request.password(), "password");
        LanguageTags.normalized(request.locale(), "locale"); // a bad tag is refused before the attempt counts
        SsprPolicy policy = policies.currentPolicy();
        // Counted before the password is checked: a burst of guesses can't outrun the lockout.
        LockoutGuard.Attempt attempt;
        switch (lockout.admit(subject, SignInChannel.KIOSK, "password", request.password())) {
            case LockoutGuard.Locked locked -> {
                return locked(policy, locked.state().lockedUntil().orElse(null));
            }
            case LockoutGuard.Attempt admitted -> attempt = admitted;
        }
        Optional<UserCredentials.Credential> account = credentials.findByUpn(database.dsl(), request.userName());
        if (!verify(request.password(), account)) {
            return refused(policy, subject);
        }
        UserCredentials.Credential credential = account.orElseThrow();
        if (credential.locked()) {
            lockout.withdraw(attempt);
            return locked(policy, null);
        }
        database.inTransactionDo(tx -> lockout.succeeded(tx, attempt));
        if (credential.mustChange()) {
            return new UserSignInResultDto(Outcome.MUST_CHANGE_PASSWORD, false, false, null, credential.displayName());
        }
        SecurityInfoService.Opened opened = securityInfo.openAfterSignIn(credential.userId(), caller, request.locale());
        return new UserSignInResultDto(Outcome.SIGNED_IN, false, false, null, credential.displayName(), opened.session(),
                opened.prompt());
    }

    /**
     * Signs the user in with a Temporary Access Pass (docs/design.md §18): under the same smart lockout as a
     * password and with one Argon2id verification whatever happens, so it reveals no more than the password
     * sign-in. A one-time pass is spent in the transaction that opens the session, so two kiosks racing with
     * it get one session between them. The session is proven and asks to register.
     */
    public UserSignInResultDto signInWithPass(PassSignInRequest request, KioskCaller caller) {
        String subject = subject(request.userName());
        requireBounded(request.pass(), "pass");
        LanguageTags.normalized(request.locale(), "locale");
        SsprPolicy policy = policies.currentPolicy();
        LockoutGuard.Attempt attempt;
        switch (lockout.admit(subject, SignInChannel.KIOSK, "pass", request.pass())) {
            case LockoutGuard.Locked locked -> {
                return locked(policy, locked.state().lockedUntil().orElse(null));
            }
            case LockoutGuard.Attempt admitted -> attempt = admitted;
        }
        Instant now = clock.instant();
        Optional<UserCredentials.Credential> account = credentials.findByUpn(database.dsl(), request.userName());
        Optional<TemporaryAccessPasses.Stored> pass = account.flatMap(a -> database.inTransaction(
                tx -> passes.find(tx, a.userId())));
        String hash = pass.map(TemporaryAccessPasses.Stored::hash).orElse(null);
        boolean matches = hasher.verify(request.pass() == null ? "" : request.pass(), hash == null ? dummyHash : hash);
        boolean valid = matches && hash != null && account.get().enabled() && pass.get().usableAt(now);
        if (!valid) {
            return refused(policy, subject);
        }
        UserCredentials.Credential credential = account.orElseThrow();
        if (credential.locked()) {
            lockout.withdraw(attempt);
            return locked(policy, null);
        }
        SecurityInfoService.Opened opened = database.inTransaction(tx -> {
            if (!passes.use(tx, credential.userId(), hash, now)) {
                return null;
            }
            lockout.succeeded(tx, attempt);
            audit.append(tx, AuditEntry.success(AuditActivity.TEMPORARY_ACCESS_PASS_SIGN_IN,
                    request.userName().strip(), request.userName().strip()).withKiosk(caller.kioskId())
                    .withDetails(pass.get().oneTime() ? "one-time pass, now spent" : "multi-use pass"));
            return securityInfo.openWithPass(tx, credential.userId(), caller, request.locale(), now);
        });
        if (opened == null) { // spent by another sign-in a moment ago
            return refused(policy, subject);
        }
        return new UserSignInResultDto(Outcome.SIGNED_IN, false, false, null, credential.displayName(), opened.session(),
                opened.prompt());
    }

    /** Change password (self-service): the current password, then the new one under the cloud rules. */
    public void changePassword(UserPasswordChangeRequest request) {
        String subject = subject(request.userName());
        requireBounded(request.currentPassword(), "currentPassword");
        LockoutGuard.Attempt attempt = lockout.admitOrRefuse(subject, SignInChannel.KIOSK, "password",
                request.currentPassword());
        Optional<UserCredentials.Credential> account = credentials.findByUpn(database.dsl(), request.userName());
        if (!verify(request.currentPassword(), account)) {
            audit.record(AuditEntry.failure(AuditActivity.CHANGE_PASSWORD_SELF_SERVICE, request.userName(),
                    request.userName(), "wrong current password"));
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The user name or current password is incorrect.");
        }
        UserCredentials.Credential credential = account.orElseThrow();
        var user = directory.loadUser(credential.userId()).orElseThrow();
        String current = credential.passwordHash();
        List<PasswordViolation> violations = rules.check(policies.currentPolicy(), request.newPassword(),
                user.givenName(), user.surname(), candidate -> hasher.verify(candidate, current));
        if (!violations.isEmpty()) {
            lockout.withdraw(attempt); // the current password was right
            throw new PasswordRejectedException(violations).toApiException("newPassword");
        }
        String hash = hasher.hash(request.newPassword());
        Instant now = clock.instant();
        database.inTransactionDo(tx -> {
            credentials.setPassword(tx, credential.userId(), hash, false, now);
            lockout.succeeded(tx, attempt);
            audit.append(tx, AuditEntry.success(AuditActivity.CHANGE_PASSWORD_SELF_SERVICE, user.userPrincipalName(),
                    user.userPrincipalName()));
        });
    }

    /** A password longer than any account can have is refused before it is counted or hashed. */
    private static void requireBounded(String password, String field) {
        if (password != null && password.length() > MAX_FIELD) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, field, "The password is too long.");
        }
    }

    /** One Argon2id verification whatever happens: no account, no password, disabled, or a real check. */
    private boolean verify(String password, Optional<UserCredentials.Credential> account) {
        if (password == null || password.length() > MAX_FIELD) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "password", "The password is too long.");
        }
        String hash = account.map(UserCredentials.Credential::passwordHash).orElse(null);
        boolean matches = hasher.verify(password, hash == null ? dummyHash : hash);
        return matches && hash != null && account.get().enabled();
    }

    /** A wrong secret: WRONG_PASSWORD, or LOCKED when that failure was the one too many. */
    private UserSignInResultDto refused(SsprPolicy policy, String subject) {
        LockoutState after = lockout.state(subject, SignInChannel.KIOSK);
        return after.locked() ? locked(policy, after.lockedUntil().orElse(null))
                : new UserSignInResultDto(Outcome.WRONG_PASSWORD, resetOffered(policy), false, null, null);
    }

    private static UserSignInResultDto locked(SsprPolicy policy, Instant until) {
        return new UserSignInResultDto(Outcome.LOCKED, resetOffered(policy), policy.onPremises().unlockWithoutReset(),
                until, null);
    }

    /** Offered whenever SSPR is on for anyone: per-user eligibility is decided later, without telling who exists. */
    private static boolean resetOffered(SsprPolicy policy) {
        return policy.scope().scope() != SsprScope.NONE || policy.administrators().selfServiceEnabled();
    }

    /** The smart-lockout key for a user name: what sign-in counts failures under. */
    public static String subject(String userName) {
        if (userName == null || userName.isBlank() || userName.length() > 320) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "userName", "Enter your user name (name@domain).");
        }
        return userName.strip().toLowerCase(Locale.ROOT);
    }
}
