package org.opensspr.server.impact;

import org.opensspr.api.PolicyImpactDto;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.policy.SsprScope;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.WholeDirectory;
import org.opensspr.server.reset.EffectivePolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.testing.RandomDirectory.randomPolicy;
import static org.opensspr.server.testing.RandomDirectory.randomServer;
import static org.opensspr.server.testing.RandomDirectory.seed;

/**
 * The preview's counted comparison ({@link ScopedInputs}: the scopes' users read as the engines' inputs by one
 * statement, or everyone along the tables when a policy covers everyone; {@link CountedComparison}: the engines run
 * once per distinct inputs, the listed users read whole; ADR 31, 32) must answer what the comparison over the whole
 * directory answers ({@link WholeDirectory}: every user compared whole, membership walked in memory), to the last
 * listed user and reason. A seeded random directory ({@link org.opensspr.server.testing.RandomDirectory}: every field
 * the engines read varies) and random pairs of policies and servers, on both databases.
 */
class ScopedImpactAgreementTest {
    private static final int POLICY_PAIRS = 60;

    @OnBothDatabases
    void theScopedReadFindsWhatTheWholeDirectoryFinds(Database database) {
        Random random = new Random(18);
        List<String> groups = database.inTransaction(tx -> seed(tx, random));
        int forEveryone = 0;
        int affected = 0;
        for (int pair = 0; pair < POLICY_PAIRS; pair++) {
            EffectivePolicy effective = randomServer(random);
            SsprPolicy current = effective.apply(randomPolicy(random, groups));
            SsprPolicy proposed = effective.apply(randomPolicy(random, groups));
            PolicyImpactDto[] answers = database.inTransaction(tx -> {
                WholeDirectory everyone = WholeDirectory.load(tx);
                return new PolicyImpactDto[] {
                    new CountedComparison(effective).compare(tx, 1, current, proposed,
                            ScopedInputs.read(tx, current, proposed)),
                    new PolicyComparison(everyone.groups(), effective).compare(1, current, proposed,
                            everyone.users())};
            });
            assertThat(answers[0]).as("policy pair %d: %s → %s", pair, current, proposed).isEqualTo(answers[1]);
            if (current.scope().scope() == SsprScope.ALL || proposed.scope().scope() == SsprScope.ALL) {
                forEveryone++;
            }
            PolicyImpactDto impact = answers[0];
            if (impact.newlyOutOfScope().count() + impact.newlyUnableToReset().count()
                    + impact.newlyRequiredToRegister().count() > 0) {
                affected++;
            }
        }
        assertThat(forEveryone).as("pairs read whole, a policy covering everyone")
                .isBetween(POLICY_PAIRS / 8, POLICY_PAIRS / 2);
        assertThat(affected).as("pairs that changed something for someone").isGreaterThan(POLICY_PAIRS / 4);
    }
}
