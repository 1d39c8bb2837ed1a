package org.opensspr.server.api;

import org.assertj.core.groups.Tuple;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.ImpactGroupDto;
import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.AdministratorPolicy;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.opensspr.methods.AuthMethod.EMAIL;
import static org.opensspr.methods.AuthMethod.MOBILE_PHONE;
import static org.opensspr.methods.AuthMethod.OFFICE_PHONE;
import static org.opensspr.methods.AuthMethod.SECURITY_QUESTIONS;

/**
 * The impact preview over the API, on both databases. The policy in force is seed 004's "original
 * policy": two methods required, office phone and security questions only, for the Pilot group,
 * registration required at sign-in.
 */
class PolicyImpactApiTest {
    /** Data: o office phone, q three questions, e alternate email, m mobile, a app; Finance ⊃ Auditors. */
    private static DirectoryWriter people() {
        return new DirectoryWriter()
                .user("olga", "o q").user("maria", "o q m").user("quinn", "q e").user("nina", "o q e")
                .user("fred", "-").user("dora", "o q disabled").user("adam", "o e admin").user("zoe", "o q")
                .group("Pilot", "olga", "maria", "quinn", "nina", "dora")
                .group("Auditors", "nina")
                .group("Finance", "fred", "Auditors");
    }

    private static MethodsPolicy methods(int toRegister, AuthMethod... enabled) {
        return new MethodsPolicy(EnumSet.of(enabled[0], enabled), toRegister, 2, SecurityQuestionsPolicy.defaults());
    }

    @OnBothDatabases
    void seed004ChangesShowTheRightUsers(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR)) {
            DirectoryWriter directory = people();
            server.server().database().inTransactionDo(directory::writeTo);
            SsprPolicy original = SsprPolicy.defaults()
                    .withScope(ScopePolicy.selected(List.of(directory.id("Pilot"))))
                    .withMethods(methods(2, OFFICE_PHONE, SECURITY_QUESTIONS))
                    .withRegistration(new RegistrationPolicy(true, 180));
            int version = admin.updatePolicy(admin.currentPolicy().version(), original).version();

            // Seed 004's example: questions dropped, mobile phone and alternate email allowed instead.
            PolicyImpactDto methodsChanged = admin.policyImpact(original.withMethods(
                    methods(2, OFFICE_PHONE, MOBILE_PHONE, EMAIL)));
            assertThat(methodsChanged.basedOnVersion()).isEqualTo(version);
            assertListed(methodsChanged.newlyOutOfScope());
            assertListed(methodsChanged.newlyUnableToReset(),
                    tuple("olga@contoso.example", "registered 1 usable method; the new policy needs 2"));
            assertListed(methodsChanged.newlyRequiredToRegister(),
                    tuple("olga@contoso.example", "registered 1 method; the new policy needs 2"));

            // Scope moves from Pilot to Finance (which holds Auditors, which holds nina).
            PolicyImpactDto scopeMoved = admin.policyImpact(original.withScope(
                    ScopePolicy.selected(List.of(directory.id("Finance")))));
            String notSelected = "not in any of the new policy's selected groups";
            assertListed(scopeMoved.newlyOutOfScope(), tuple("maria@contoso.example", notSelected),
                    tuple("olga@contoso.example", notSelected), tuple("quinn@contoso.example", notSelected));
            assertListed(scopeMoved.newlyUnableToReset());
            assertListed(scopeMoved.newlyRequiredToRegister(),
                    tuple("fred@contoso.example", "newly in SSPR scope; registered 0 methods; the new policy needs 2"));

            // Registration asks for three methods instead of two (email enabled as the third).
            PolicyImpactDto moreToRegister = admin.policyImpact(original.withMethods(
                    methods(3, OFFICE_PHONE, SECURITY_QUESTIONS, EMAIL)));
            assertListed(moreToRegister.newlyOutOfScope());
            assertListed(moreToRegister.newlyUnableToReset());
            assertListed(moreToRegister.newlyRequiredToRegister(),
                    tuple("maria@contoso.example", "registered 2 methods; the new policy needs 3"),
                    tuple("olga@contoso.example", "registered 2 methods; the new policy needs 3"));

            // Administrator SSPR off: adam and the signed-in administrator leave scope; no preview stored anything.
            PolicyImpactDto adminsOff = admin.policyImpact(original.withAdministrators(new AdministratorPolicy(false)));
            assertThat(adminsOff.newlyOutOfScope().count()).isEqualTo(2);
            assertThat(adminsOff.newlyOutOfScope().users()).extracting(ImpactedUserDto::reason).containsOnly(
                    "administrator account; the new policy turns administrator SSPR off");
            assertThat(adminsOff.newlyOutOfScope().users().getFirst().id()).isEqualTo(directory.id("adam"));
            assertThat(adminsOff.newlyOutOfScope().users().get(1).userPrincipalName()).startsWith("admin-");
            assertThat(admin.currentPolicy().version()).isEqualTo(version);
        }
    }

    @OnBothDatabases
    void anInvalidProposalIsRefusedWithItsViolations(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR);
             OpenSsprClient reader = TestAdmins.client(server, Role.REPORTS_READER)) {
            SsprPolicy invalid = SsprPolicy.defaults().withScope(ScopePolicy.selected(List.of()))
                    .withRegistration(new RegistrationPolicy(true, 900));

            OpenSsprApiException refused = catchThrowableOfType(OpenSsprApiException.class,
                    () -> admin.policyImpact(invalid));
            assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(refused.fieldErrors()).extracting(e -> e.field())
                    .containsExactlyInAnyOrder("scope.groupIds", "registration.reconfirmDays");
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> reader.policyImpact(SsprPolicy.defaults())).code()).isEqualTo(ErrorCode.FORBIDDEN);

            PolicyImpactDto unchanged = admin.policyImpact(SsprPolicy.defaults());
            assertThat(unchanged).isEqualTo(new PolicyImpactDto(0, new ImpactGroupDto(0, List.of()),
                    new ImpactGroupDto(0, List.of()), new ImpactGroupDto(0, List.of())));
        }
    }

    private static void assertListed(ImpactGroupDto group, Tuple... expected) {
        assertThat(group.count()).isEqualTo(expected.length);
        assertThat(group.users()).extracting(ImpactedUserDto::userPrincipalName, ImpactedUserDto::reason)
                .containsExactly(expected);
    }
}
