package org.opensspr.eligibility;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupMembership;
import org.opensspr.eligibility.EligibilityOutcome.Eligible;
import org.opensspr.eligibility.EligibilityOutcome.NotEligible;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;

import java.util.List;
import java.util.Optional;

/**
 * Seed 004's checks, in order: the account exists and is enabled → SSPR is enabled for the user →
 * enough registered methods (administrators: the two-gate policy) → where the password is managed
 * → writeback is on and the account is not protected. The first failing check decides.
 */
public final class EligibilityEngine {
    private final GroupMembership membership;
    private final DeliverableMethods deliverable;

    public EligibilityEngine(GroupMembership membership) {
        this(membership, DeliverableMethods.ALL);
    }

    /** {@code deliverable}: what this server can deliver; other methods count for no one. */
    public EligibilityEngine(GroupMembership membership, DeliverableMethods deliverable) {
        this.membership = membership;
        this.deliverable = deliverable;
    }

    public EligibilityOutcome evaluate(SsprPolicy policy, Optional<DirectoryUser> account) {
        if (account.isEmpty()) {
            return new NotEligible(IneligibilityReason.ACCOUNT_NOT_FOUND);
        }
        DirectoryUser user = account.get();
        if (!user.enabled()) {
            return new NotEligible(IneligibilityReason.ACCOUNT_DISABLED);
        }
        if (!isEnabledFor(policy, user)) {
            return new NotEligible(user.isAdministrator()
                    ? IneligibilityReason.ADMIN_SSPR_DISABLED : IneligibilityReason.NOT_ENABLED_FOR_SSPR);
        }
        int gates = gatesRequired(policy, user);
        List<AuthMethod> methods = UsableMethods.of(user, policy.methods(), gates, deliverable);
        int registered = UsableMethods.registrationsBehind(methods);
        if (registered < gates) {
            boolean adminShortOfOne = user.isAdministrator() && registered == 1;
            return new NotEligible(adminShortOfOne
                    ? IneligibilityReason.ADMIN_NEEDS_TWO_METHODS : IneligibilityReason.NOT_ENOUGH_METHODS_REGISTERED);
        }
        if (user.passwordManagedOnPremises()) {
            if (!policy.onPremises().writebackEnabled()) {
                return new NotEligible(IneligibilityReason.WRITEBACK_DISABLED);
            }
            if (user.onPremisesProtected()) {
                return new NotEligible(IneligibilityReason.PROTECTED_ON_PREMISES_ACCOUNT);
            }
        }
        return new Eligible(gates, methods, user.isAdministrator(), user.passwordManagedOnPremises());
    }

    /**
     * Whether the policy's scope covers the user. Administrators are covered by the administrator
     * switch instead of the scope (seed 002: admin accounts are enabled by default).
     */
    public boolean isEnabledFor(SsprPolicy policy, DirectoryUser user) {
        if (user.isAdministrator()) {
            return policy.administrators().selfServiceEnabled();
        }
        return switch (policy.scope().scope()) {
            case NONE -> false;
            case ALL -> true;
            case SELECTED -> membership.isMemberOfAny(user.id(), policy.scope().groupIds());
        };
    }

    /**
     * How many distinct registrations back the methods this user could be challenged with under the
     * policy (the Authenticator app counts once) — what the "enough registered methods" check compares
     * with {@link #gatesRequired}.
     */
    public int usableRegistrations(SsprPolicy policy, DirectoryUser user) {
        return UsableMethods.registrationsBehind(
                UsableMethods.of(user, policy.methods(), gatesRequired(policy, user), deliverable));
    }

    /** Administrators always need two gates; everyone else what the policy requires. */
    public static int gatesRequired(SsprPolicy policy, DirectoryUser user) {
        return user.isAdministrator() ? AdminTwoGatePolicy.GATES : policy.methods().requiredToReset();
    }
}
