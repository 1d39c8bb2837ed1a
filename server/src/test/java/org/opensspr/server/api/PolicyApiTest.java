package org.opensspr.server.api;

import org.opensspr.api.ErrorCode;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The console's policy work end to end: real server, real client, real sign-in, on both databases. */
class PolicyApiTest {

    private static SsprPolicy pilot() {
        return SsprPolicy.defaults().withScope(ScopePolicy.selected(List.of("pilot-group")))
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_PHONE,
                        AuthMethod.SECURITY_QUESTIONS), 2, 2, SecurityQuestionsPolicy.defaults()));
    }

    @OnBothDatabases
    void updateHistoryDiffAndRollback(InProcessServer server) {
        try (OpenSsprClient admin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR)) {
            PolicyDocumentDto v0 = admin.currentPolicy();
            assertThat(v0.version()).isZero();
            assertThat(v0.policy()).isEqualTo(SsprPolicy.defaults());

            PolicyDocumentDto v1 = admin.updatePolicy(0, pilot());

            assertThat(v1.version()).isEqualTo(1);
            assertThat(admin.currentPolicy().policy()).isEqualTo(pilot());
            assertThat(admin.policyVersions(0, 10).items()).extracting(v -> v.version()).containsExactly(1, 0);
            assertThat(admin.policyDiff(0, 1).changes()).extracting(c -> c.path())
                    .contains("scope.scope", "methods.requiredToReset");

            PolicyDocumentDto v2 = admin.rollbackPolicy(0, 1);

            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.rolledBackFrom()).isZero();
            assertThat(admin.currentPolicy().policy()).isEqualTo(SsprPolicy.defaults());
            assertThat(admin.policyDiff(0, 2).changes()).isEmpty();
        }
    }

    @OnBothDatabases
    void rolesAreEnforcedAndRejectedRequestsChangeNoTable(InProcessServer server) {
        try (OpenSsprClient policyAdmin = TestAdmins.client(server, Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
             OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            policyAdmin.updatePolicy(0, pilot());
            Map<String, String> before = TableSnapshot.of(server.server().database().dsl());

            OpenSsprApiException forbidden = catchThrowableOfType(OpenSsprApiException.class,
                    () -> helpdesk.updatePolicy(1, SsprPolicy.defaults()));
            OpenSsprApiException invalid = catchThrowableOfType(OpenSsprApiException.class,
                    () -> policyAdmin.updatePolicy(1, pilot().withRegistration(new RegistrationPolicy(true, 731))));
            OpenSsprApiException stale = catchThrowableOfType(OpenSsprApiException.class,
                    () -> policyAdmin.updatePolicy(0, SsprPolicy.defaults()));
            OpenSsprApiException rollbackForbidden = catchThrowableOfType(OpenSsprApiException.class,
                    () -> helpdesk.rollbackPolicy(0, 1));
            var malformed = server.json("PUT", "/api/v1/policy", null, "{\"expectedVersion\":");

            assertThat(forbidden.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(invalid.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(invalid.fieldErrors()).anySatisfy(f -> {
                assertThat(f.field()).isEqualTo("registration.reconfirmDays");
                assertThat(f.code()).isEqualTo("RECONFIRM_DAYS_OUT_OF_RANGE");
            });
            assertThat(stale.code()).isEqualTo(ErrorCode.VERSION_CONFLICT);
            assertThat(rollbackForbidden.code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(malformed.statusCode()).isEqualTo(401);
            assertThat(TableSnapshot.of(server.server().database().dsl())).isEqualTo(before);
            assertThat(helpdesk.currentPolicy().version()).as("helpdesk may read").isEqualTo(1);
        }
    }
}
