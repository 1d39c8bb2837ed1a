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
import java.util.function.Function;

/**
 * Compares, user by user, the policy in force with a proposed one, using the engines the kiosk uses
 * (both policies already made effective as the kiosk meets them). Pure: the caller loads the users.
 */
final class PolicyComparison {
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
        List<DirectoryUser> outOfScope = new ArrayList<>();
        List<DirectoryUser> unableToReset = new ArrayList<>();
        List<DirectoryUser> mustRegister = new ArrayList<>();
        for (DirectoryUser user : users) {
            if (!user.enabled()) {
                continue;
            }
            EligibilityEngine engine = effective.engine(membershipOf(user));
            boolean inScopeNow = engine.isEnabledFor(current, user);
            boolean inScopeThen = engine.isEnabledFor(proposed, user);
            if (inScopeNow && !inScopeThen) {
                outOfScope.add(user);
            }
            if (inScopeNow && inScopeThen && newlyUnable(engine, current, proposed, user).isPresent()) {
                unableToReset.add(user);
            }
            if (RegistrationRequirement.asksToRegister(proposed, user, inScopeThen)
                    && !RegistrationRequirement.asksToRegister(current, user, inScopeNow)) {
                mustRegister.add(user);
            }
        }
        // A reason is written only for the users the answer lists (the first 200 of each group), not for every
        // user counted: at a million users most of them would be thrown away.
        return new PolicyImpactDto(basedOnVersion,
                group(outOfScope, user -> ImpactReasons.outOfScope(proposed, user)),
                group(unableToReset, user -> {
                    EligibilityEngine engine = effective.engine(membershipOf(user));
                    return ImpactReasons.unableToReset(engine, proposed, user,
                            newlyUnable(engine, current, proposed, user).orElseThrow().reason());
                }),
                group(mustRegister, user -> ImpactReasons.mustRegister(current, proposed, user,
                        effective.engine(membershipOf(user)).isEnabledFor(current, user))));
    }

    /** Why the user, able to reset now, could not under the proposal; empty if they still could or can't now. */
    private static Optional<EligibilityOutcome.NotEligible> newlyUnable(EligibilityEngine engine, SsprPolicy current,
                                                                        SsprPolicy proposed, DirectoryUser user) {
        if (engine.evaluate(current, Optional.of(user)) instanceof EligibilityOutcome.Eligible
                && engine.evaluate(proposed, Optional.of(user)) instanceof EligibilityOutcome.NotEligible no) {
            return Optional.of(no);
        }
        return Optional.empty();
    }

    /** A graph's walk of the user's groups is done once, not for each of the four scope questions. */
    private GroupMembership membershipOf(DirectoryUser user) {
        if (groups instanceof GroupGraph graph) {
            Set<String> memberOf = graph.groupsOf(user.id());
            return (id, groupIds) -> groupIds.stream().anyMatch(memberOf::contains);
        }
        return groups;
    }

    /** The count, and the first users by UPN (case-insensitive, then exact) with their reasons. */
    private static ImpactGroupDto group(List<DirectoryUser> users, Function<DirectoryUser, String> reason) {
        // Each user's sort key is lower-cased once, not at every comparison of the sort.
        record Keyed(String key, DirectoryUser user) {
        }
        List<DirectoryUser> listed = users.stream()
                .map(u -> new Keyed(u.userPrincipalName().toLowerCase(Locale.ROOT), u))
                .sorted(Comparator.comparing(Keyed::key).thenComparing(k -> k.user().userPrincipalName()))
                .limit(ImpactGroupDto.MAX_LISTED)
                .map(Keyed::user)
                .toList();
        return new ImpactGroupDto(users.size(), listed.stream()
                .map(u -> new ImpactedUserDto(u.id(), u.userPrincipalName(), u.displayName(), reason.apply(u)))
                .toList());
    }
}
