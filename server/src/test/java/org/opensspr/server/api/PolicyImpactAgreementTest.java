package org.opensspr.server.api;

import org.opensspr.api.ImpactedUserDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.flow.FlowIntent;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.methods.AuthMethod.EMAIL;
import static org.opensspr.methods.AuthMethod.MOBILE_PHONE;

/**
 * The impact preview is computed in bulk (one directory snapshot, groups in memory), the what-if one user
 * at a time (recursive SQL): both must tell the same story. The demo's pilot policy gets a new scope
 * (only the pilot's nested second wave) and two gates from app code, email and mobile phone only.
 */
class PolicyImpactAgreementTest {

    /** The preview and the kiosk's own answers (what-if) before and after saving agree for every demo person. */
    @OnBothDatabases
    void thePreviewAgreesWithWhatTheKioskAnswersOnceSaved(InProcessServer server) {
        server.server().seedDemo();
        try (OpenSsprClient admin = TestAdmins.client(server, Role.GLOBAL_ADMINISTRATOR)) {
            SsprPolicy demo = admin.currentPolicy().policy();
            String waveTwo = admin.groups("SSPR pilot wave 2", 0, 10).items().getFirst().id();
            SsprPolicy proposed = demo.withScope(ScopePolicy.selected(List.of(waveTwo)))
                    .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.MOBILE_APP_CODE, EMAIL, MOBILE_PHONE),
                            2, 2, SecurityQuestionsPolicy.defaults()));
            List<String> people = admin.users("", 0, 200).items().stream()
                    .map(u -> u.userPrincipalName()).toList();
            Map<String, String> before = reasons(admin, people);

            PolicyImpactDto impact = admin.policyImpact(proposed);
            admin.updatePolicy(admin.currentPolicy().version(), proposed);
            Map<String, String> after = reasons(admin, people);

            Set<String> outOfScope = Set.of("NOT_ENABLED_FOR_SSPR", "ADMIN_SSPR_DISABLED");
            List<String> unable = people.stream().filter(upn -> before.get(upn).isEmpty()
                    && !after.get(upn).isEmpty() && !outOfScope.contains(after.get(upn))).sorted().toList();
            assertThat(unable).isNotEmpty();
            assertThat(impact.newlyUnableToReset().users()).extracting(ImpactedUserDto::userPrincipalName)
                    .containsExactlyElementsOf(unable);
            List<String> leaving = people.stream().filter(upn -> !outOfScope.contains(before.get(upn))
                    && !before.get(upn).equals("ACCOUNT_DISABLED") && outOfScope.contains(after.get(upn)))
                    .sorted().toList();
            assertThat(leaving).isNotEmpty();
            assertThat(impact.newlyOutOfScope().users()).extracting(ImpactedUserDto::userPrincipalName)
                    .containsExactlyElementsOf(leaving);
        }
    }

    /** Each user's what-if reason ("" when they could reset). */
    private static Map<String, String> reasons(OpenSsprClient admin, List<String> people) {
        Map<String, String> reasons = new HashMap<>();
        people.forEach(upn -> {
            String reason = admin.whatIf(upn, FlowIntent.RESET_PASSWORD).reason();
            reasons.put(upn, reason == null ? "" : reason);
        });
        return reasons;
    }

}
