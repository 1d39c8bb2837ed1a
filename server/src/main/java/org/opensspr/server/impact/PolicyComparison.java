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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
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
        Lists<DirectoryUser> lists = new Lists<>();
        for (DirectoryUser user : users) {
            if (user.enabled()) {
                lists.add(user, outcomes(effective.engine(membershipOf(user)), current, proposed, user));
            }
        }
        // A reason is written only for the users the answer lists (the first 200 of each group), not for every
        // user counted: at a million users most of them would be thrown away.
        return new PolicyImpactDto(basedOnVersion,
                group(lists.outOfScope(), user -> ImpactReasons.outOfScope(proposed, user)),
                group(lists.unableToReset(), user -> {
                    EligibilityEngine engine = effective.engine(membershipOf(user));
                    return ImpactReasons.unableToReset(engine, proposed, user,
                            newlyUnable(engine, current, proposed, user).orElseThrow().reason());
                }),
                group(lists.mustRegister(), user -> ImpactReasons.mustRegister(current, proposed, user,
                        effective.engine(membershipOf(user)).isEnabledFor(current, user))));
    }

    /** In which of the preview's three lists an enabled user falls. */
    record Outcomes(boolean outOfScope, boolean unableToReset, boolean mustRegister) {
    }

    /** The users of each of the preview's three lists, in the order they were added. */
    record Lists<T>(List<T> outOfScope, List<T> unableToReset, List<T> mustRegister) {
        Lists() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(T user, Outcomes outcomes) {
            if (outcomes.outOfScope()) {
                outOfScope.add(user);
            }
            if (outcomes.unableToReset()) {
                unableToReset.add(user);
            }
            if (outcomes.mustRegister()) {
                mustRegister.add(user);
            }
        }

        List<List<T>> all() {
            return List.of(outOfScope, unableToReset, mustRegister);
        }
    }

    static Outcomes outcomes(EligibilityEngine engine, SsprPolicy current, SsprPolicy proposed, DirectoryUser user) {
        boolean inScopeNow = engine.isEnabledFor(current, user);
        boolean inScopeThen = engine.isEnabledFor(proposed, user);
        return new Outcomes(inScopeNow && !inScopeThen,
                inScopeNow && inScopeThen && newlyUnable(engine, current, proposed, user).isPresent(),
                RegistrationRequirement.asksToRegister(proposed, user, inScopeThen)
                        && !RegistrationRequirement.asksToRegister(current, user, inScopeNow));
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

    /** The count, and the first users by UPN with their reasons. */
    private static ImpactGroupDto group(List<DirectoryUser> users, Function<DirectoryUser, String> reason) {
        return new ImpactGroupDto(users.size(), firstByUpn(users, DirectoryUser::userPrincipalName).stream()
                .map(u -> new ImpactedUserDto(u.id(), u.userPrincipalName(), u.displayName(), reason.apply(u)))
                .toList());
    }

    /**
     * The first {@value ImpactGroupDto#MAX_LISTED} by UPN (case-insensitive, then exact): the lists' order. Each
     * item's key is lower-cased once, and only the first ones so far are kept (a list may hold most of a million
     * users when a policy covers everyone; sorting it all cost more than the rest of the comparison).
     */
    static <T> List<T> firstByUpn(Collection<T> items, Function<T, String> upn) {
        record Keyed<T>(String key, String upn, T item) {
        }
        Comparator<Keyed<T>> order = Comparator.<Keyed<T>, String>comparing(Keyed::key).thenComparing(Keyed::upn);
        PriorityQueue<Keyed<T>> first = new PriorityQueue<>(ImpactGroupDto.MAX_LISTED + 1, order.reversed());
        for (T item : items) {
            String name = upn.apply(item);
            Keyed<T> keyed = new Keyed<>(name.toLowerCase(Locale.ROOT), name, item);
            if (first.size() < ImpactGroupDto.MAX_LISTED) {
                first.add(keyed);
            } else if (order.compare(keyed, first.peek()) < 0) {
                first.poll();
                first.add(keyed);
            }
        }
        List<Keyed<T>> sorted = new ArrayList<>(first);
        sorted.sort(order);
        return sorted.stream().map(Keyed::item).toList();
    }
}
