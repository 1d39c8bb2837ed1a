package org.opensspr.server.helpdesk;

import org.jooq.DSLContext;
import org.opensspr.api.AdminPasswordResetDto;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.HelpdeskAction;
import org.opensspr.directory.HelpdeskRules;
import org.opensspr.directory.HelpdeskVerdict;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.TemporaryAccessPassRules;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.AdminAuthService;
import org.opensspr.server.auth.LockoutGuard;
import org.opensspr.server.auth.SignInChannel;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.server.reset.AfterReset;
import org.opensspr.server.secinfo.RegisteredMethods;
import org.opensspr.server.secinfo.SecurityInfoService;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.signin.UserSignInService;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the helpdesk does to another user's account: reset the password, unlock, issue or revoke a Temporary
 * Access Pass, require re-registration, delete a method, pre-fill contact data. Every action passes one check,
 * {@link #judged}, before it changes anything (ADR 10): the account exists and {@link HelpdeskRules} lets this
 * administrator's roles act on that account's roles. Hashing and directory calls happen outside transactions.
 */
public final class HelpdeskService {
    /** The parts the helpdesk stands on; {@code passwords} does the password side of a reset and unlock. */
    public record Services(Database database, Clock clock, DirectoryService directory, PasswordHasher hasher,
                           LockoutGuard lockout, AuditLog audit, AfterReset afterReset, AdminAuthService adminSessions,
                           SecurityInfoService securityInfo, RegisteredMethods methods, HelpdeskPasswords passwords) {
    }

    private final Services s;
    private final UserCredentials credentials = new UserCredentials();
    private final ThrottleStore throttles = new ThrottleStore();
    private final TemporaryAccessPasses passes = new TemporaryAccessPasses();

    public HelpdeskService(Services services) {
        this.s = services;
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(DSLContext tx, DirectoryUser user, Instant now);
    }

    // ---- password and lock -------------------------------------------------------------------------------

    public AdminPasswordResetDto resetPassword(Principal.Admin admin, String userId, AdminPasswordResetRequest request) {
        HelpdeskPasswords.Prepared prepared = s.passwords().prepare(request, peek(admin, userId, HelpdeskAction.RESET_PASSWORD));
        HelpdeskPasswords.Applied applied = s.passwords().applyToDirectory(admin, prepared);
        return onTarget(admin, userId, HelpdeskAction.RESET_PASSWORD, (tx, user, now) -> {
            if (!user.passwordManagedOnPremises()) {
                credentials.setPassword(tx, user.id(), prepared.hash(), prepared.mustChange(), now);
            }
            clearLockouts(tx, user, now);
            int ended = s.adminSessions().endSessionsOf(tx, user.id()) + s.securityInfo().endSessionsOf(tx, user.id(), now)
                    + s.afterReset().endFlowsOf(tx, user.id(), now);
            int notified = s.afterReset().notify(tx, user, FlowCompletion.PASSWORD_RESET, now);
            s.audit().append(tx, AuditEntry.success(AuditActivity.RESET_PASSWORD_BY_ADMIN, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails(applied.describe(prepared)));
            return new AdminPasswordResetDto(prepared.generated(), prepared.mustChange(), ended, notified);
        });
    }

    public UserDetailDto unlock(Principal.Admin admin, String userId) {
        DirectoryUser target = peek(admin, userId, HelpdeskAction.UNLOCK);
        HelpdeskPasswords.Applied applied = s.passwords().unlockInDirectory(admin, target);
        return onTarget(admin, userId, HelpdeskAction.UNLOCK, (tx, user, now) -> {
            credentials.unlock(tx, user.id(), now);
            clearLockouts(tx, user, now);
            s.afterReset().notify(tx, user, FlowCompletion.ACCOUNT_UNLOCKED, now);
            s.audit().append(tx, AuditEntry.success(AuditActivity.UNLOCK_USER_ACCOUNT_BY_ADMIN, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails(applied.describe(null)));
            return s.directory().detail(tx, user.id());
        });
    }

    /** The account's lock, its sign-in lockouts on both channels and its SSPR block all end together. */
    private void clearLockouts(DSLContext tx, DirectoryUser user, Instant now) {
        String subject = UserSignInService.subject(user.userPrincipalName());
        s.lockout().recordSuccess(tx, subject, SignInChannel.KIOSK);
        s.lockout().recordSuccess(tx, subject, SignInChannel.CONSOLE);
        throttles.record(tx, ThrottleStore.userKey(user.id()), ThrottleEventKind.COUNTERS_CLEARED, false, now);
    }

    // ---- security info -----------------------------------------------------------------------------------

    public UserDetailDto requireReregistration(Principal.Admin admin, String userId) {
        return onTarget(admin, userId, HelpdeskAction.REQUIRE_REREGISTRATION, (tx, user, now) -> {
            List<Registration> removed = s.methods().removeAll(tx, user, now);
            s.securityInfo().endSessionsOf(tx, user.id(), now);
            s.audit().append(tx, AuditEntry.success(AuditActivity.ADMIN_DELETED_SECURITY_INFO, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails("required re-registration; removed: "
                    + (removed.isEmpty() ? "nothing" : removed.stream().map(HelpdeskService::name)
                    .collect(Collectors.joining(", ")))));
            return s.directory().detail(tx, user.id());
        });
    }

    public UserDetailDto deleteMethod(Principal.Admin admin, String userId, Registration kind) {
        if (kind == null) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "kind", "Name the method to delete.");
        }
        return onTarget(admin, userId, HelpdeskAction.DELETE_METHOD, (tx, user, now) -> {
            if (!s.methods().remove(tx, user, kind, now)) {
                throw new ApiException(ErrorCode.NOT_FOUND, "This user has no " + name(kind) + " registered.");
            }
            s.audit().append(tx, AuditEntry.success(AuditActivity.ADMIN_DELETED_SECURITY_INFO, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails("deleted " + name(kind)));
            return s.directory().detail(tx, user.id());
        });
    }

    public UserDetailDto prefillContact(Principal.Admin admin, String userId, ContactUpdateRequest request) {
        return onTarget(admin, userId, HelpdeskAction.PREFILL_CONTACT, (tx, user, now) -> {
            UserDetailDto after = s.directory().prefillContact(tx, user.id(), request, now);
            s.audit().append(tx, AuditEntry.success(AuditActivity.ADMIN_REGISTERED_SECURITY_INFO, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails("pre-filled contact data: " + changedFields(request)));
            return after;
        });
    }

    private static String changedFields(ContactUpdateRequest request) {
        StringBuilder fields = new StringBuilder();
        appendIf(fields, request.alternateEmail(), "alternate email");
        appendIf(fields, request.mobilePhone(), "mobile phone");
        appendIf(fields, request.officePhone(), "office phone");
        return fields.isEmpty() ? "nothing" : fields.toString();
    }

    private static void appendIf(StringBuilder fields, String sent, String name) {
        if (sent != null) {
            fields.append(fields.isEmpty() ? "" : ", ").append(name).append(sent.isEmpty() ? " cleared" : " set");
        }
    }

    // ---- Temporary Access Pass ---------------------------------------------------------------------------

    public TemporaryAccessPassDto issuePass(Principal.Admin admin, String userId, TemporaryAccessPassRequest request) {
        long minutes = request.lifetimeMinutes() == null ? TemporaryAccessPassRules.DEFAULT_LIFETIME.toMinutes()
                : request.lifetimeMinutes();
        int length = request.length() == null ? TemporaryAccessPassRules.DEFAULT_LENGTH : request.length();
        if (!TemporaryAccessPassRules.lifetimeAllowed(minutes)) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "lifetimeMinutes",
                    "A pass lasts from 10 minutes to 30 days (43,200 minutes).");
        }
        if (!TemporaryAccessPassRules.lengthAllowed(length)) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "length", "A pass has 8 to 48 characters.");
        }
        boolean oneTime = Boolean.TRUE.equals(request.oneTime());
        peek(admin, userId, HelpdeskAction.ISSUE_TEMPORARY_ACCESS_PASS);
        String pass = passes.newPass(length);
        String hash = s.hasher().hash(pass);
        return onTarget(admin, userId, HelpdeskAction.ISSUE_TEMPORARY_ACCESS_PASS, (tx, user, now) -> {
            TemporaryAccessPasses.Stored stored = new TemporaryAccessPasses.Stored(user.id(), hash, oneTime,
                    admin.userPrincipalName(), now, now.plus(Duration.ofMinutes(minutes)), null);
            passes.put(tx, stored);
            s.audit().append(tx, AuditEntry.success(AuditActivity.ADMIN_REGISTERED_SECURITY_INFO, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails("Temporary Access Pass, " + (oneTime ? "one-time" : "multi-use")
                    + ", valid until " + stored.expiresAt()));
            return stored.view(pass, now);
        });
    }

    public TemporaryAccessPassDto pass(String userId) {
        Instant now = s.clock().instant();
        return s.database().inTransaction(tx -> passes.find(tx, userId).map(p -> p.view(null, now))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "This user has no Temporary Access Pass.")));
    }

    public void revokePass(Principal.Admin admin, String userId) {
        onTarget(admin, userId, HelpdeskAction.REVOKE_TEMPORARY_ACCESS_PASS, (tx, user, now) -> {
            if (!passes.remove(tx, user.id())) {
                throw new ApiException(ErrorCode.NOT_FOUND, "This user has no Temporary Access Pass.");
            }
            s.audit().append(tx, AuditEntry.success(AuditActivity.ADMIN_DELETED_SECURITY_INFO, admin.userPrincipalName(),
                    user.userPrincipalName()).withDetails("revoked the Temporary Access Pass"));
            return null;
        });
    }

    /**
     * Housekeeping: forgets each pass that expired or was spent, and audits its end — once, even when two servers
     * run this together (only the one whose delete removed the row audits it). Answers how many.
     */
    public int endSpentPasses() {
        Instant now = s.clock().instant();
        return s.database().inTransaction(tx -> {
            int ended = 0;
            for (TemporaryAccessPasses.Stored pass : passes.ended(tx, now, 500)) {
                if (!passes.remove(tx, pass)) {
                    continue;
                }
                String upn = s.directory().loadUser(tx, pass.userId()).map(DirectoryUser::userPrincipalName)
                        .orElse(pass.userId());
                s.audit().append(tx, AuditEntry.success(AuditActivity.TEMPORARY_ACCESS_PASS_ENDED, "(server)", upn)
                        .withDetails(now.isBefore(pass.expiresAt()) ? "one-time pass used" : "expired at " + pass.expiresAt()));
                ended++;
            }
            return ended;
        });
    }

    // ---- the one check -----------------------------------------------------------------------------------

    /** The check alone, read-only: before a hash is made or a directory is called. */
    private DirectoryUser peek(Principal.Admin admin, String userId, HelpdeskAction action) {
        return s.database().inTransaction(tx -> judged(tx, admin, userId, action));
    }

    /** The check again, with the user's row locked, then the work, all in one transaction. */
    private <T> T onTarget(Principal.Admin admin, String userId, HelpdeskAction action, Work<T> work) {
        Instant now = s.clock().instant();
        return s.database().inTransaction(tx -> {
            credentials.lockRow(tx, userId);
            return work.apply(tx, judged(tx, admin, userId, action), now);
        });
    }

    private DirectoryUser judged(DSLContext tx, Principal.Admin admin, String userId, HelpdeskAction action) {
        DirectoryUser user = s.directory().loadUser(tx, userId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No user has this id."));
        HelpdeskVerdict verdict = HelpdeskRules.judge(admin.roles(), admin.userId().equals(user.id()), user, action);
        if (!verdict.allowed()) {
            throw new ApiException(ErrorCode.FORBIDDEN, refusal(verdict));
        }
        return user;
    }

    static String refusal(HelpdeskVerdict verdict) {
        return switch (verdict) {
            case ROLE_LACKS_PERMISSION -> "Your role doesn't allow this.";
            case TARGET_TOO_PRIVILEGED -> "This account holds an administrator role your role can't act on.";
            case OWN_ACCOUNT -> "Use self-service for your own account.";
            case PROTECTED_ON_PREMISES -> "Your on-premises directory protects this account; reset or unlock it there.";
            case ALLOWED -> throw new IllegalArgumentException("allowed");
        };
    }

    static String name(Registration kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
