package org.opensspr.server.insights;

import org.opensspr.api.MethodUsersDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupGraph;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.directory.DirectorySnapshot;
import org.opensspr.server.reset.EffectivePolicy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registration now, counted exactly with the engines the kiosk uses (as the impact preview does, ADR 18): one
 * read of the directory in a handful of queries, then each enabled user in memory. Its cost grows with the
 * directory, not with the report's range; at a million users it costs what one impact preview costs.
 */
final class RegistrationCounts {
    private RegistrationCounts() {
    }

    /** {@code policy}: the policy in force, already made effective as the kiosk meets it. */
    static RegistrationInsightsDto count(DirectorySnapshot directory, SsprPolicy policy, EffectivePolicy effective) {
        GroupGraph groups = directory.groups();
        long inScope = 0;
        long registered = 0;
        long capable = 0;
        Map<AuthMethod.Registration, Long> byMethod = new EnumMap<>(AuthMethod.Registration.class);
        for (DirectoryUser user : directory.users()) {
            if (!user.enabled()) {
                continue;
            }
            Set<String> memberOf = groups.groupsOf(user.id());
            EligibilityEngine engine = effective.engine((id, groupIds) -> groupIds.stream().anyMatch(memberOf::contains));
            if (!engine.isEnabledFor(policy, user)) {
                continue;
            }
            inScope++;
            boolean any = false;
            for (AuthMethod.Registration kind : AuthMethod.Registration.values()) {
                if (user.registration(kind).isPresent()) {
                    byMethod.merge(kind, 1L, Long::sum);
                    any = true;
                }
            }
            if (any) {
                registered++;
            }
            if (engine.usableRegistrations(policy, user) >= EligibilityEngine.gatesRequired(policy, user)) {
                capable++;
            }
        }
        List<MethodUsersDto> methods = new ArrayList<>();
        for (AuthMethod.Registration kind : AuthMethod.Registration.values()) {
            methods.add(new MethodUsersDto(kind, byMethod.getOrDefault(kind, 0L)));
        }
        return new RegistrationInsightsDto(inScope, registered, capable, methods);
    }
}
