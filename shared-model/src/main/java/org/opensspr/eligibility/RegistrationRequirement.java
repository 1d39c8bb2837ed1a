package org.opensspr.eligibility;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.SsprPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Whether sign-in asks a user to register security info (seed 004, docs/design.md §7): only users SSPR covers,
 * only while "require users to register when signing in" is on, and only until they have registered
 * as many methods as the policy requires. A registration counts when the policy enables a method it
 * backs and the user's data is there (contact data an admin pre-filled counts); security questions
 * count once the user answered as many of the offered questions as the policy has them register.
 * Administrators register for the two-gate policy: at least two methods, never security questions.
 */
public final class RegistrationRequirement {
    private RegistrationRequirement() {
    }

    /**
     * @param inScope what {@link EligibilityEngine#isEnabledFor} answers for the user under {@code policy}
     */
    public static boolean asksToRegister(SsprPolicy policy, DirectoryUser user, boolean inScope) {
        return user.enabled() && inScope && policy.registration().requireAtSignIn()
                && registered(policy, user) < required(policy, user);
    }

    /**
     * What sign-in asks the user (docs/design.md §7): registration first, while it is short of the policy's
     * number; then, for info only an administrator or an import put there, one confirmation by the user; then
     * reconfirmation once {@code lastConfirmed} is the policy's reconfirm days old (0 days: never).
     *
     * @param inScope       what {@link EligibilityEngine#isEnabledFor} answers for the user under {@code policy}
     * @param lastConfirmed when the user last registered, proved or confirmed their info themselves; empty if never
     */
    public static SignInPrompt prompt(SsprPolicy policy, DirectoryUser user, boolean inScope,
                                      Optional<Instant> lastConfirmed, Instant now) {
        if (!user.enabled() || !inScope || !policy.registration().requireAtSignIn()) {
            return SignInPrompt.NONE;
        }
        if (registered(policy, user) < required(policy, user)) {
            return SignInPrompt.REGISTER;
        }
        if (lastConfirmed.isEmpty()) {
            return SignInPrompt.CONFIRM;
        }
        int days = policy.registration().reconfirmDays();
        boolean due = days > 0 && !now.isBefore(lastConfirmed.get().plus(Duration.ofDays(days)));
        return due ? SignInPrompt.RECONFIRM : SignInPrompt.NONE;
    }

    /** How many methods the user must have registered before sign-in stops asking. */
    public static int required(SsprPolicy policy, DirectoryUser user) {
        int required = policy.methods().requiredToRegister();
        return user.isAdministrator() ? Math.max(required, AdminTwoGatePolicy.GATES) : required;
    }

    /** Distinct registrations that count under the policy (the Authenticator app counts once). */
    public static int registered(SsprPolicy policy, DirectoryUser user) {
        return counted(policy, user).size();
    }

    /** The registrations that count under the policy: enabled, allowed for the user, and backed by their data. */
    public static Set<AuthMethod.Registration> counted(SsprPolicy policy, DirectoryUser user) {
        MethodsPolicy methods = policy.methods();
        Set<AuthMethod.Registration> counted = EnumSet.noneOf(AuthMethod.Registration.class);
        for (AuthMethod method : methods.enabled()) {
            if ((!user.isAdministrator() || AdminTwoGatePolicy.allows(method)) && backs(user, method, methods)) {
                counted.add(method.registration());
            }
        }
        return counted;
    }

    private static boolean backs(DirectoryUser user, AuthMethod method, MethodsPolicy methods) {
        if (method == AuthMethod.SECURITY_QUESTIONS) {
            return user.registration(AuthMethod.Registration.SECURITY_QUESTIONS)
                    .map(r -> UsableMethods.answeredOffered(r, methods) >= methods.securityQuestions().toRegister())
                    .orElse(false);
        }
        return UsableMethods.hasData(user, method, methods);
    }
}
