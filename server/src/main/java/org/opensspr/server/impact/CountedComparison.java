package org.opensspr.server.impact;

import org.jooq.DSLContext;
import org.opensspr.api.ImpactGroupDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupMembership;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.directory.DirectorySnapshot;
import org.opensspr.server.impact.PolicyComparison.Outcomes;
import org.opensspr.server.impact.ScopedInputs.ScopedUser;
import org.opensspr.server.reset.EffectivePolicy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The preview over the scopes' users as the engines' inputs (ADR 32): the engines run once for each distinct
 * {@link EngineInputs} (a few hundred at a million users) instead of once per user, and only the users the answer
 * lists (the first 200 of each list by UPN) are read whole, for their reasons, by {@link PolicyComparison} itself.
 */
final class CountedComparison {
    private final EffectivePolicy effective;

    CountedComparison(EffectivePolicy effective) {
        this.effective = effective;
    }

    PolicyImpactDto compare(DSLContext tx, int basedOnVersion, SsprPolicy current, SsprPolicy proposed,
                            Collection<ScopedUser> users) {
        Map<EngineInputs, Outcomes> decided = new HashMap<>();
        PolicyComparison.Lists<ScopedUser> lists = new PolicyComparison.Lists<>();
        for (ScopedUser user : users) {
            lists.add(user, decided.computeIfAbsent(user.inputs(), inputs -> PolicyComparison.outcomes(
                    effective.engine(inputs.membership(current, proposed)), current, proposed, inputs.standIn())));
        }
        Map<String, EngineInputs> listed = new HashMap<>();
        for (List<ScopedUser> list : lists.all()) {
            PolicyComparison.firstByUpn(list, ScopedUser::userPrincipalName)
                    .forEach(user -> listed.put(user.id(), user.inputs()));
        }
        // The listed users, compared whole, fall in the same lists; one listed in another list only sorts after
        // the first 200 of this one, so each list's first 200 are the same.
        GroupMembership membership = (userId, groupIds) ->
                listed.get(userId).membership(current, proposed).isMemberOfAny(userId, groupIds);
        List<DirectoryUser> whole = DirectorySnapshot.enabledUsers(tx, listed.keySet());
        PolicyImpactDto listedOnly = new PolicyComparison(membership, effective)
                .compare(basedOnVersion, current, proposed, whole);
        return new PolicyImpactDto(basedOnVersion,
                counted(lists.outOfScope(), listedOnly.newlyOutOfScope()),
                counted(lists.unableToReset(), listedOnly.newlyUnableToReset()),
                counted(lists.mustRegister(), listedOnly.newlyRequiredToRegister()));
    }

    private static ImpactGroupDto counted(List<ScopedUser> all, ImpactGroupDto listed) {
        return new ImpactGroupDto(all.size(), listed.users());
    }
}
