package org.opensspr.server.auth;

import org.opensspr.password.BannedPasswordScorer;
import org.opensspr.password.PasswordCandidate;
import org.opensspr.password.PasswordChecker;
import org.opensspr.password.PasswordOwner;
import org.opensspr.password.PasswordRequirements;
import org.opensspr.password.PasswordViolation;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The password rules administrator passwords must meet: the shared-model cloud rules. */
public final class AdminPasswordRules {
    private final Supplier<PasswordChecker> checker;

    /** @param checker read on every check, so a policy change (custom banned terms) applies at once */
    public AdminPasswordRules(Supplier<PasswordChecker> checker) {
        this.checker = Objects.requireNonNull(checker, "checker");
    }

    /** Entra's cloud rules with the global banned list and no custom terms. */
    public static AdminPasswordRules cloudDefaults() {
        PasswordChecker checker = PasswordChecker.forCloudUsers(PasswordRequirements.CLOUD,
                BannedPasswordScorer.withGlobalList(List.of()));
        return new AdminPasswordRules(() -> checker);
    }

    /** @throws PasswordRejectedException listing every violation */
    void check(String password, PasswordOwner owner, Predicate<String> isCurrentPassword) {
        List<PasswordViolation> violations = checker.get()
                .check(new PasswordCandidate(password, owner, isCurrentPassword));
        if (!violations.isEmpty()) {
            throw new PasswordRejectedException(violations);
        }
    }
}
