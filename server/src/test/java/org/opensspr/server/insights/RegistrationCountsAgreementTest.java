package org.opensspr.server.insights;

import org.junit.jupiter.api.Test;
import org.opensspr.api.MethodUsersDto;
import org.opensspr.api.RegistrationInsightsDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.GroupGraph;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.WholeDirectory;
import org.opensspr.server.impact.ScopedInputs;
import org.opensspr.server.reset.EffectivePolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.testing.RandomDirectory.randomPolicy;
import static org.opensspr.server.testing.RandomDirectory.randomServer;
import static org.opensspr.server.testing.RandomDirectory.seed;

/**
 * Usage &amp; insights' registration now, counted over the engines' inputs ({@link RegistrationCounts} over
 * {@link ScopedInputs} with every kind of registration), must equal the count over the whole directory, every
 * enabled user asked of the engines one by one ({@link WholeDirectory}, membership walked in memory): a seeded
 * random directory ({@link org.opensspr.server.testing.RandomDirectory}) and random policies and servers, on both
 * databases.
 */
class RegistrationCountsAgreementTest {
    private static final int POLICIES = 60;

    @OnBothDatabases
    void theCountOverInputsIsTheCountOverEveryUser(Database database) {
        Random random = new Random(22);
        List<String> groups = database.inTransaction(tx -> seed(tx, random));
        int forEveryone = 0;
        int forNobody = 0;
        int someNotCapable = 0;
        for (int i = 0; i < POLICIES; i++) {
            EffectivePolicy effective = randomServer(random);
            SsprPolicy policy = effective.apply(randomPolicy(random, groups));
            RegistrationInsightsDto[] counts = database.inTransaction(tx -> new RegistrationInsightsDto[] {
                RegistrationCounts.count(tx, policy, effective),
                everyUser(WholeDirectory.load(tx), policy, effective)});
            assertThat(counts[0]).as("policy %d: %s", i, policy).isEqualTo(counts[1]);
            if (policy.scope().scope() == SsprScope.ALL) {
                forEveryone++;
            }
            if (policy.scope().scope() == SsprScope.NONE) {
                forNobody++;
            }
            if (counts[0].capable() > 0 && counts[0].capable() < counts[0].registered()) {
                someNotCapable++;
            }
        }
        assertThat(forEveryone).as("policies for everyone").isBetween(POLICIES / 16, POLICIES / 4);
        assertThat(forNobody).as("policies for nobody (administrators may still be in scope)").isPositive();
        assertThat(someNotCapable).as("policies where some registered users can't reset, and some can")
                .isGreaterThan(POLICIES / 4);
    }

    @Test
    void aReadWithoutTheKindsTheEnginesReadIsRefused() {
        SsprPolicy policy = SsprPolicy.defaults();
        assertThatThrownBy(() -> ScopedInputs.read(null, policy, policy, EnumSet.of(AuthMethod.Registration.EMAIL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AUTHENTICATOR_APP");
    }

    /** The reference: each enabled user asked of the engines, as the kiosk asks about one person. */
    private static RegistrationInsightsDto everyUser(WholeDirectory directory, SsprPolicy policy,
                                                     EffectivePolicy effective) {
        GroupGraph groups = directory.groups();
        long inScope = 0;
        long registered = 0;
        long capable = 0;
        Map<AuthMethod.Registration, Long> byMethod = new EnumMap<>(AuthMethod.Registration.class);
        for (DirectoryUser user : directory.users()) {
            Set<String> memberOf = groups.groupsOf(user.id());
            EligibilityEngine engine = effective.engine(
                    (id, groupIds) -> groupIds.stream().anyMatch(memberOf::contains));
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
            registered += any ? 1 : 0;
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
