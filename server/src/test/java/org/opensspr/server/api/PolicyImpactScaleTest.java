package org.opensspr.server.api;

import org.opensspr.api.ImpactGroupDto;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impact preview over 10,000 users in 20 departments, half of them nested in the pilot: it counts
 * right and lists only the first few. How fast it is, bench/'s ImpactPreviewBenchmark measures.
 */
class PolicyImpactScaleTest {
    private static final int USERS = 10_000;
    private static final int DEPARTMENTS = 20;
    private static final String[] DATA = {"o q", "o q m", "q e", "-"};

    @OnBothDatabases
    void tenThousandUsersArePreviewedAndTheListsCapped(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR)) {
            DirectoryWriter directory = new DirectoryWriter();
            List<List<String>> departments = new ArrayList<>();
            for (int d = 0; d < DEPARTMENTS; d++) {
                departments.add(new ArrayList<>());
            }
            for (int i = 0; i < USERS; i++) {
                String name = "user%05d".formatted(i);
                directory.user(name, DATA[i % DATA.length]);
                departments.get(i % DEPARTMENTS).add(name);
            }
            List<String> pilotDepartments = new ArrayList<>();
            for (int d = 0; d < DEPARTMENTS; d++) {
                directory.group("Department " + d, departments.get(d).toArray(String[]::new));
                if (d < DEPARTMENTS / 2) {
                    pilotDepartments.add("Department " + d);
                }
            }
            directory.group("Pilot", pilotDepartments.toArray(String[]::new));
            server.server().database().inTransactionDo(directory::writeTo);
            SsprPolicy original = SsprPolicy.defaults()
                    .withScope(ScopePolicy.selected(List.of(directory.id("Pilot"))))
                    .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.SECURITY_QUESTIONS),
                            2, 2, SecurityQuestionsPolicy.defaults()))
                    .withRegistration(new RegistrationPolicy(true, 180));
            admin.updatePolicy(admin.currentPolicy().version(), original);
            SsprPolicy proposed = original.withMethods(new MethodsPolicy(
                    EnumSet.of(AuthMethod.OFFICE_PHONE, AuthMethod.MOBILE_PHONE, AuthMethod.EMAIL), 2, 2,
                    SecurityQuestionsPolicy.defaults()));

            PolicyImpactDto cold = admin.policyImpact(proposed);
            PolicyImpactDto warm = admin.policyImpact(proposed);

            // Pilot = departments 0-9; "o q" users are i % 4 == 0, i.e. departments 0, 4 and 8 of them: 3 in 20.
            int expected = USERS * 3 / DEPARTMENTS;
            assertListedInOrder(cold.newlyUnableToReset(), expected);
            assertListedInOrder(cold.newlyRequiredToRegister(), expected);
            assertThat(cold.newlyOutOfScope().count()).isZero();
            assertThat(warm).as("a second look changes nothing").isEqualTo(cold);
        }
    }

    private static void assertListedInOrder(ImpactGroupDto group, int count) {
        assertThat(group.count()).isEqualTo(count);
        assertThat(group.users()).hasSize(ImpactGroupDto.MAX_LISTED)
                .extracting(ImpactedUserDto::userPrincipalName).isSorted()
                .first().isEqualTo("user00000@contoso.example");
    }
}
