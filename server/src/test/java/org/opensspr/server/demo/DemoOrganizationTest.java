package org.opensspr.server.demo;

import org.opensspr.directory.DirectoryUser;
import org.opensspr.eligibility.EligibilityEngine;
import org.opensspr.eligibility.EligibilityOutcome;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.directory.SqlGroupMembership;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo organization shows what it claims: each person meets the outcome their description names. */
class DemoOrganizationTest {

    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("adele.vance", "Eligible 1");
        EXPECTED.put("alex.wilber", "Eligible 1");
        EXPECTED.put("allan.deyoung", "NOT_ENABLED_FOR_SSPR");
        EXPECTED.put("christie.cline", "ACCOUNT_DISABLED");
        EXPECTED.put("debra.berger", "NOT_ENOUGH_METHODS_REGISTERED");
        EXPECTED.put("diego.siciliani", "Eligible 1");
        EXPECTED.put("grady.archie", "Eligible 1");
        EXPECTED.put("henrietta.mueller", "Eligible 1 on-premises");
        EXPECTED.put("isaiah.langer", "PROTECTED_ON_PREMISES_ACCOUNT");
        EXPECTED.put("johanna.lorenz", "Eligible 1");
        EXPECTED.put("joni.sherman", "Eligible 1");
        EXPECTED.put("lee.gu", "NOT_ENABLED_FOR_SSPR");
        EXPECTED.put("lidia.holloway", "Eligible 1");
        EXPECTED.put("lynne.robbins", "Eligible 1");
        EXPECTED.put("megan.bowen", "Eligible 2");
        EXPECTED.put("miriam.graham", "ADMIN_NEEDS_TWO_METHODS");
        EXPECTED.put("nestor.wilke", "Eligible 2");
        EXPECTED.put("pradeep.gupta", "NOT_ENOUGH_METHODS_REGISTERED");
        EXPECTED.put("irvin.sayers", "Eligible 1");
        EXPECTED.put("patti.fernandez", "Eligible 1");
    }

    @OnBothDatabases
    void everyPersonMeetsTheOutcomeTheDemoDescribes(InProcessServer server) {
        List<String> signIn = server.server().seedDemo();
        SsprPolicy policy = server.server().policies().currentPolicy();
        EligibilityEngine engine = new EligibilityEngine(new SqlGroupMembership(server.server().database().dsl()));

        Map<String, String> actual = new LinkedHashMap<>();
        for (String alias : EXPECTED.keySet()) {
            DirectoryUser user = server.server().directory()
                    .loadUserByUpn(alias + "@" + DemoOrganization.DOMAIN).orElseThrow();
            actual.put(alias, describe(engine.evaluate(policy, java.util.Optional.of(user))));
        }

        assertThat(actual).isEqualTo(EXPECTED);
        assertThat(signIn).anySatisfy(line -> assertThat(line).contains(DemoSeeder.ADMIN_UPN));
        assertThat(server.server().seedDemo()).as("a second start shows the same details").isEqualTo(signIn);
        assertThat(server.json("POST", "/api/v1/signin", null, "{\"userName\":\"adele.vance@" + DemoOrganization.DOMAIN
                + "\",\"password\":\"" + DemoSeeder.PEOPLE_PASSWORD + "\"}").body()).contains("SIGNED_IN");
        assertThat(server.json("POST", "/api/v1/signin", null, "{\"userName\":\"grady.archie@" + DemoOrganization.DOMAIN
                + "\",\"password\":\"" + DemoSeeder.PEOPLE_PASSWORD + "\"}").body()).contains("LOCKED");
    }

    private static String describe(EligibilityOutcome outcome) {
        return switch (outcome) {
            case EligibilityOutcome.Eligible e -> "Eligible " + e.gatesRequired() + (e.onPremises() ? " on-premises" : "");
            case EligibilityOutcome.NotEligible n -> n.reason().name();
        };
    }
}
