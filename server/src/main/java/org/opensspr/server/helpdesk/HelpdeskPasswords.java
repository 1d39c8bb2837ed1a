package org.opensspr.server.helpdesk;

import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.ErrorCode;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.password.PasswordRequirements;
import org.opensspr.password.PasswordViolation;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.PasswordRejectedException;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.Principal;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.signin.CloudPasswordRules;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.writeback.OnPremAccount;
import org.opensspr.server.writeback.ServiceAccountRights;
import org.opensspr.server.writeback.Writeback;
import org.opensspr.server.writeback.WritebackResult;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The password side of a helpdesk reset and unlock: the new password chosen (generated, or typed and checked
 * against the password rules and banned list) and hashed, and, for on-premises accounts, the directory call
 * through writeback. Runs after the helpdesk's check and outside any transaction.
 */
public final class HelpdeskPasswords {
    /** Generated passwords: long enough to pass any banned-list score, from characters that read unambiguously. */
    static final int GENERATED_LENGTH = 16;
    private static final String LETTERS = TemporaryAccessPasses.ALPHABET.replaceAll("[0-9]", "");
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%+=?@-_";

    private final Database database;
    private final PolicyService policies;
    private final CloudPasswordRules rules;
    private final PasswordHasher hasher;
    private final Writeback writeback;
    private final AuditLog audit;
    private final UserCredentials credentials = new UserCredentials();
    private final RandomGenerator random = new SecureRandom();

    public HelpdeskPasswords(Database database, PolicyService policies, CloudPasswordRules rules, PasswordHasher hasher,
                             Writeback writeback, AuditLog audit) {
        this.database = database;
        this.policies = policies;
        this.rules = rules;
        this.hasher = hasher;
        this.writeback = writeback;
        this.audit = audit;
    }

    /** A checked new password: {@code hash} for cloud accounts, {@code password} for the directory call. */
    record Prepared(DirectoryUser user, String password, String generated, String hash, boolean mustChange) {
        @Override
        public String toString() {
            return "Prepared[user=" + user.id() + ", mustChange=" + mustChange + "]";
        }
    }

    /** Where the change was made, for the audit record. */
    enum Applied {
        HERE, ON_PREMISES;

        String describe(Prepared prepared) {
            String where = this == ON_PREMISES ? "written back to the on-premises directory" : "";
            if (prepared == null) {
                return where;
            }
            String how = (prepared.generated() != null ? "generated password" : "typed password")
                    + (prepared.mustChange() ? ", must change at next sign-in" : "");
            return where.isEmpty() ? how : how + "; " + where;
        }
    }

    Prepared prepare(AdminPasswordResetRequest request, DirectoryUser user) {
        boolean mustChange = request.mustChange();
        if (user.passwordManagedOnPremises()) {
            requireWriteback();
        }
        SsprPolicy policy = policies.currentPolicy();
        if (request.generate()) {
            String generated = generate(policy, user);
            return new Prepared(user, generated, generated, hashUnlessOnPremises(user, generated), mustChange);
        }
        String typed = request.password();
        if (typed.isEmpty() || typed.length() > PasswordRequirements.CLOUD.maxLength()) {
            throw ApiException.field(ErrorCode.VALIDATION_FAILED, "password",
                    "Enter a password of 1 to " + PasswordRequirements.CLOUD.maxLength() + " characters.");
        }
        if (!user.passwordManagedOnPremises()) {
            Optional<String> current = credentials.findByUpn(database.dsl(), user.userPrincipalName())
                    .map(UserCredentials.Credential::passwordHash);
            List<PasswordViolation> violations = rules.check(policy, typed, user.givenName(), user.surname(),
                    candidate -> current.map(hash -> hasher.verify(candidate, hash)).orElse(false));
            if (!violations.isEmpty()) {
                throw new PasswordRejectedException(violations).toApiException("password");
            }
        }
        return new Prepared(user, typed, null, hashUnlessOnPremises(user, typed), mustChange);
    }

    private String hashUnlessOnPremises(DirectoryUser user, String password) {
        return user.passwordManagedOnPremises() ? null : hasher.hash(password);
    }

    /** Random until the rules (and the banned list, with the user's names) accept it; nearly always the first. */
    private String generate(SsprPolicy policy, DirectoryUser user) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = candidate();
            if (rules.check(policy, candidate, user.givenName(), user.surname(), c -> false).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No generated password passed the rules in 20 attempts");
    }

    private String candidate() {
        char[] chars = new char[GENERATED_LENGTH];
        String all = LETTERS + DIGITS + SYMBOLS;
        for (int i = 0; i < chars.length; i++) {
            chars[i] = all.charAt(random.nextInt(all.length()));
        }
        // One of each class at random places, so every rule's "3 of 4 classes" holds.
        chars[random.nextInt(4)] = DIGITS.charAt(random.nextInt(DIGITS.length()));
        chars[4 + random.nextInt(4)] = SYMBOLS.charAt(random.nextInt(SYMBOLS.length()));
        chars[8 + random.nextInt(4)] = LETTERS.substring(0, 24).charAt(random.nextInt(24));
        chars[12 + random.nextInt(4)] = LETTERS.substring(24).charAt(random.nextInt(LETTERS.length() - 24));
        return new String(chars);
    }

    Applied applyToDirectory(Principal.Admin admin, Prepared prepared) {
        if (!prepared.user().passwordManagedOnPremises()) {
            return Applied.HERE;
        }
        DirectoryUser user = prepared.user();
        // Done means the directory took the must-change requirement too (AD pwdLastSet=0, ppolicy pwdReset),
        // so the answer's mustChangeAtNextSignIn is the directory's state, not only the request's
        WritebackResult result = writeback.reset(new OnPremAccount(user.id(), user.userPrincipalName()),
                prepared.password(), prepared.mustChange(), null);
        return settled(admin, user, result, AuditActivity.RESET_PASSWORD_BY_ADMIN);
    }

    Applied unlockInDirectory(Principal.Admin admin, DirectoryUser user) {
        if (!user.passwordManagedOnPremises()) {
            return Applied.HERE;
        }
        requireWriteback();
        WritebackResult result = writeback.unlock(new OnPremAccount(user.id(), user.userPrincipalName()), null);
        return settled(admin, user, result, AuditActivity.UNLOCK_USER_ACCOUNT_BY_ADMIN);
    }

    private Applied settled(Principal.Admin admin, DirectoryUser user, WritebackResult result, AuditActivity activity) {
        if (result instanceof WritebackResult.Done) {
            return Applied.ON_PREMISES;
        }
        audit.record(AuditEntry.failure(activity, admin.userPrincipalName(), user.userPrincipalName(),
                result.auditReason()));
        throw switch (result) {
            case WritebackResult.RejectedByPolicy rejected -> ApiException.field(ErrorCode.VALIDATION_FAILED, "password",
                    "The on-premises directory didn't accept this password: " + rejected.directoryMessage());
            case WritebackResult.NotFound notFound -> new ApiException(ErrorCode.CONFLICT,
                    "The on-premises directory has no such account.");
            // an administrator reads this, and a missing delegation is theirs to fix, not to wait out
            case WritebackResult.Unavailable unavailable when ServiceAccountRights.lacking(unavailable) ->
                    new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The on-premises directory refused the change: "
                            + unavailable.why() + ".");
            case WritebackResult.Unavailable unavailable -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    "The on-premises directory can't be reached; try again in a few minutes.");
            case WritebackResult.Done done -> new IllegalStateException("handled above");
        };
    }

    private void requireWriteback() {
        if (writeback == null) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "Password writeback to the on-premises directory isn't connected, so this account can't be changed here.");
        }
    }
}
