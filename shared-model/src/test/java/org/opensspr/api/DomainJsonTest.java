package org.opensspr.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensspr.flow.DeadEndReason;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.flow.FlowStep;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain records travel as the API's JSON unchanged: policy to the console, steps to the kiosk. */
class DomainJsonTest {
    private final ObjectMapper json = Json.newMapper();

    @Test
    void aFullPolicyRoundTrips() throws Exception {
        SsprPolicy policy = SsprPolicy.defaults()
                .withScope(ScopePolicy.selected(List.of("pilot", "wave-2")))
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.SECURITY_QUESTIONS,
                        AuthMethod.MOBILE_APP_CODE), 3, 2, new SecurityQuestionsPolicy(4, 3,
                        EnumSet.of(PredefinedQuestion.FIRST_PET, PredefinedQuestion.FAVORITE_FOOD),
                        List.of(new CustomQuestion("c1", "Name of our first office dog?")))))
                .withCustomization(new CustomizationPolicy(true, "helpdesk@contoso.example", "Contoso", "logo-1", ""))
                .withPasswordProtection(new PasswordProtectionPolicy(List.of("contoso", "blank"), 10, 60))
                .withKioskNetworks(new KioskNetworkPolicy(List.of("10.0.0.0/8")));

        String text = json.writeValueAsString(policy);

        assertThat(json.readValue(text, SsprPolicy.class)).isEqualTo(policy);
        assertThat(text).contains("\"scope\":\"SELECTED\"", "\"requiredToReset\":2", "\"FIRST_PET\"");
    }

    @Test
    void flowStepsCarryTheirDiscriminator() throws Exception {
        List<FlowStep> steps = List.of(new FlowStep.IdentifyUser(),
                new FlowStep.ChooseMethod(1, 2, List.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE)),
                new FlowStep.ProveIdentity(2, 2, AuthMethod.EMAIL), new FlowStep.SetNewPassword(),
                new FlowStep.ConfirmUnlock(), new FlowStep.Completed(FlowCompletion.PASSWORD_RESET),
                new FlowStep.DeadEnd(DeadEndReason.BLOCKED, Instant.parse("2026-11-23T08:00:00Z")));

        for (FlowStep step : steps) {
            String text = json.writeValueAsString(step);
            assertThat(text).startsWith("{\"step\":\"");
            assertThat(json.readValue(text, FlowStep.class)).isEqualTo(step);
        }
        assertThat(json.writeValueAsString(FlowStep.DeadEnd.of(DeadEndReason.CANNOT_RESET_HERE)))
                .isEqualTo("{\"step\":\"DEAD_END\",\"reason\":\"CANNOT_RESET_HERE\"}");
    }

    @Test
    void everyPredefinedQuestionHasEnglishText() {
        assertThat(PredefinedQuestion.values()).hasSize(35);
        assertThat(Set.of(PredefinedQuestion.values())).allSatisfy(q ->
                assertThat(q.text(Locale.ENGLISH)).contains("?").doesNotContain(q.name()));
    }
}
