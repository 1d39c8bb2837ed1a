package org.opensspr.server.impact;

import org.opensspr.api.ImpactGroupDto;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupGraph;
import org.opensspr.directory.GroupMembership;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.eligibility.RegistrationRequirement;
import org.opensspr.policy.SsprPolicy;

import org.opensspr.server.reset.EffectivePolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Compares, user by user, the policy in force with a proposed one, using the engines the kiosk uses
 * (both policies already made effective as the kiosk meets them). Pure: the caller loads the users.
 */
final class PolicyComparison {
    private static final Comparator<ImpactedUserDto> BY_UPN = Comparator
            .comparing((ImpactedUserDto u) -> u.userPrincipalName().toLowerCase(Locale.ROOT))
            .thenComparing(ImpactedUserDto::userPrincipalName);

    private final GroupMembership groups;
    private final EffectivePolicy effective;

    /**
     * @param groups    membership in the scopes' groups (a {@link GroupGraph} is asked once per user)
     * @param effective what the server can deliver, as the kiosk meets it
     */
    PolicyComparison(GroupMembership groups, EffectivePolicy effective) {
        this.groups = groups;
        this.effective = effective;
    }

    PolicyImpactDto compare(int basedOnVersion, SsprPolicy current, SsprPolicy proposed, List<DirectoryUser> users) {
        List<ImpactedUserDto> outOfScope = new ArrayList<>();
        List<ImpactedUserDto> unableToReset = new ArrayList<>();
        List<ImpactedUserDto> mustRegister = new ArrayList<>();
        for (DirectoryUser user : users) {
            if (!user.enabled()) {
                continue;
            }
            EligibilityEngine engine = effective.engine(membershipOf(user));
            boolean inScopeNow = engine.isEnabledFor(current, user);
            boolean inScopeThen = engine.isEnabledFor(proposed, user);
            if (inScopeNow && !inScopeThen) {
                outOfScope.add(impacted(user, ImpactReasons.outOfScope(proposed, user)));
            }
            if (inScopeNow && inScopeThen
                    && engine.evaluate(current, Optional.of(user)) instanceof EligibilityOutcome.Eligible
                    && engine.evaluate(proposed, Optional.of(user)) instanceof EligibilityOutcome.NotEligible no) {
                unableToReset.add(impacted(user, ImpactReasons.unableToReset(engine, proposed, user, no.reason())));
            }
            if (RegistrationRequirement.asksToRegister(proposed, user, inScopeThen)
                    && !RegistrationRequirement.asksToRegister(current, user, inScopeNow)) {
                mustRegister.add(impacted(user, ImpactReasons.mustRegister(current, proposed, user, inScopeNow)));
            }
        }
        return new PolicyImpactDto(basedOnVersion, group(outOfScope), group(unableToReset), group(mustRegister));
    }

    /** A graph's walk of the user's groups is done once, not for each of the four scope questions. */
    private GroupMembership membershipOf(DirectoryUser user) {
        if (groups instanceof GroupGraph graph) {
            Set<String> memberOf = graph.groupsOf(user.id());
            return (id, groupIds) -> groupIds.stream().anyMatch(memberOf::contains);
        }
        return groups;
    }

    private static ImpactedUserDto impacted(DirectoryUser user, String reason) {
        return new ImpactedUserDto(user.id(), user.userPrincipalName(), user.displayName(), reason);
    }

    private static ImpactGroupDto group(List<ImpactedUserDto> users) {
        users.sort(BY_UPN);
        return new ImpactGroupDto(users.size(), users.subList(0, Math.min(users.size(), ImpactGroupDto.MAX_LISTED)));
    }
}
