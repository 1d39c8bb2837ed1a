package org.opensspr.server.impact;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.eligibility.IneligibilityReason;
import org.opensspr.eligibility.RegistrationRequirement;
import org.opensspr.policy.SsprPolicy;

/** Why a user is affected by a policy change, in the words an administrator reads in the impact preview. */
final class ImpactReasons {
    private ImpactReasons() {
    }

    static String outOfScope(SsprPolicy proposed, DirectoryUser user) {
        if (user.isAdministrator()) {
            return "administrator account; the new policy turns administrator SSPR off";
        }
        return switch (proposed.scope().scope()) {
            case NONE -> "the new policy enables SSPR for no one (None)";
            case SELECTED -> "not in any of the new policy's selected groups";
            case ALL -> "the new policy enables SSPR for everyone"; // can't leave scope under All
        };
    }

    static String unableToReset(EligibilityEngine engine, SsprPolicy proposed, DirectoryUser user,
                                IneligibilityReason reason) {
        return switch (reason) {
            case NOT_ENOUGH_METHODS_REGISTERED, ADMIN_NEEDS_TWO_METHODS -> {
                int usable = engine.usableRegistrations(proposed, user);
                int needed = EligibilityEngine.gatesRequired(proposed, user);
                yield (user.isAdministrator() ? "administrator (two-gate policy); " : "") + "registered "
                        + usable + (usable == 1 ? " usable method" : " usable methods") + "; the new policy needs "
                        + needed;
            }
            case WRITEBACK_DISABLED -> "password managed on-premises; the new policy turns password writeback off";
            case PROTECTED_ON_PREMISES_ACCOUNT -> "protected on-premises account; SSPR can't reset it";
            default -> "not eligible under the new policy (" + reason.name() + ")";
        };
    }

    static String mustRegister(SsprPolicy current, SsprPolicy proposed, DirectoryUser user, boolean inScopeNow) {
        String why = !inScopeNow ? "newly in SSPR scope; "
                : !current.registration().requireAtSignIn() ? "registration at sign-in turned on; " : "";
        return why + "registered " + methods(RegistrationRequirement.registered(proposed, user))
                + "; the new policy needs " + RegistrationRequirement.required(proposed, user);
    }

    private static String methods(int count) {
        return count + (count == 1 ? " method" : " methods");
    }
}
