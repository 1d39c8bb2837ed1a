package org.opensspr.server.insights;

import org.jooq.DSLContext;
import org.opensspr.api.MethodUsersDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.impact.EngineInputs;
import org.opensspr.server.impact.ScopedInputs;
import org.opensspr.server.impact.ScopedInputs.ScopedUser;
import org.opensspr.server.reset.EffectivePolicy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Registration now, counted exactly with the engines the kiosk uses: the users the policy can find anything about,
 * read as the engines' inputs with every kind of registration they have ({@code ScopedInputs}, as the impact
 * preview reads them, ADR 32), and the engines run once per distinct inputs and kinds (a few hundred at a million
 * users), not once per user.
 */
final class RegistrationCounts {
    /** Every kind counts for "registered" and "by method", not only the kinds the engines read. */
    private static final Set<AuthMethod.Registration> EVERY_KIND = Collections.unmodifiableSet(
            EnumSet.allOf(AuthMethod.Registration.class));

    private RegistrationCounts() {
    }

    /** Users alike to the engines and with the same kinds registered. */
    private record Alike(EngineInputs inputs, Set<AuthMethod.Registration> registered) {
    }

    /** @param policy the policy in force, already made effective as the kiosk meets it */
    static RegistrationInsightsDto count(DSLContext tx, SsprPolicy policy, EffectivePolicy effective) {
        Map<Alike, Long> alike = new HashMap<>();
        for (ScopedUser user : ScopedInputs.read(tx, policy, policy, EVERY_KIND)) {
            alike.merge(new Alike(user.inputs(), user.registered()), 1L, Long::sum);
        }
        long inScope = 0;
        long registered = 0;
        long capable = 0;
        Map<AuthMethod.Registration, Long> byMethod = new EnumMap<>(AuthMethod.Registration.class);
        for (Map.Entry<Alike, Long> entry : alike.entrySet()) {
            EngineInputs inputs = entry.getKey().inputs();
            long count = entry.getValue();
            EligibilityEngine engine = effective.engine(inputs.membership(policy, policy));
            DirectoryUser user = inputs.standIn();
            if (!engine.isEnabledFor(policy, user)) {
                continue;
            }
            inScope += count;
            Set<AuthMethod.Registration> kinds = entry.getKey().registered();
            if (!kinds.isEmpty()) {
                registered += count;
            }
            kinds.forEach(kind -> byMethod.merge(kind, count, Long::sum));
            if (engine.usableRegistrations(policy, user) >= EligibilityEngine.gatesRequired(policy, user)) {
                capable += count;
            }
        }
        List<MethodUsersDto> methods = new ArrayList<>();
        for (AuthMethod.Registration kind : AuthMethod.Registration.values()) {
            methods.add(new MethodUsersDto(kind, byMethod.getOrDefault(kind, 0L)));
        }
        return new RegistrationInsightsDto(inScope, registered, capable, methods);
    }
}
