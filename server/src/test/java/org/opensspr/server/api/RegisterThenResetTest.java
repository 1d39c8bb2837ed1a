package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opensspr.api.Json;
import org.opensspr.api.ProposedPolicyRequest;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user registers at the kiosk is exactly what they can then reset with (issue 12), one method at a
 * time; what-if and the impact preview agree with the kiosk before and after.
 */
class RegisterThenResetTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    private static final String NEW_PASSWORD = "Lantern-Orbit-Kettle-58";
    private static final String UPN = "kim@contoso.example";

    @OnBothDatabases
    void registerAnEmailThenResetWithIt(InProcessServer server) throws IOException {
        SecurityInfoClient kiosk = registering(server);
        kiosk.addEmail("kim.home@private.example");

        FlowClient flow = eligibleWith(server, "EMAIL");
        flow.choose("EMAIL");
        flow.proveCode(flow.codeSentTo("kim.home@private.example"));
        finish(server, flow);
    }

    @OnBothDatabases
    void registerTheAuthenticatorAppThenResetWithIt(InProcessServer server) throws IOException {
        SecurityInfoClient kiosk = registering(server);
        String secret = kiosk.addAuthenticator();

        FlowClient flow = eligibleWith(server, "MOBILE_APP_CODE");
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":30}"); // the registering code is spent
        flow.choose("MOBILE_APP_CODE");
        flow.proveCode(Oathtool.totp(secret, server.server().clock().instant()));
        finish(server, flow);
    }

    @OnBothDatabases
    void registerSecurityQuestionsThenResetWithThem(InProcessServer server) throws IOException {
        SecurityInfoClient kiosk = registering(server);
        Map<String, String> answers = kiosk.answerQuestions(3);

        FlowClient flow = eligibleWith(server, "SECURITY_QUESTIONS");
        flow.choose("SECURITY_QUESTIONS");
        Map<String, String> given = new java.util.HashMap<>();
        flow.last.path("challenge").path("questions").forEach(q ->
                given.put(q.path("id").asText(), answers.get(q.path("id").asText()).toUpperCase()));
        flow.answer(given);
        finish(server, flow);
    }

    @OnBothDatabases
    void whoTheImpactPreviewSaysMustRegisterIsWhomSignInAsks(InProcessServer server) throws IOException {
        SecurityInfoClient kiosk = registering(server);
        kiosk.addEmail("kim.home@private.example");
        SsprPolicy twoToRegister = policy(server.server().policies().currentPolicy(), 2);

        assertThat(impact(server, twoToRegister).path("newlyRequiredToRegister").path("users").findValuesAsText(
                "userPrincipalName")).containsExactly(UPN);
        var policies = server.server().policies();
        policies.update(policies.current().version(), twoToRegister, "test");
        assertThat(kiosk.signIn(UPN, PASSWORD)).isEqualTo("REGISTER");

        kiosk.startProof("EMAIL");
        kiosk.proveCode("EMAIL", new FlowClient(server).codeSentTo("kim.home@private.example"));
        kiosk.answerQuestions(3);
        assertThat(impact(server, policy(policies.currentPolicy(), 1).withRegistration(new RegistrationPolicy(true, 0)))
                .path("newlyRequiredToRegister").path("count").asInt()).isZero();
        assertThat(kiosk.signIn(UPN, PASSWORD)).isEqualTo("NONE");
    }

    /** Kim, signed in at the kiosk and asked to register; what-if says she can't reset yet. */
    private static SecurityInfoClient registering(InProcessServer server) throws IOException {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policy(policies.currentPolicy(), 1), "test");
        TestPeople.cloudUser(server, UPN, PASSWORD, false);
        assertThat(whatIf(server).path("reason").asText()).isEqualTo("NOT_ENOUGH_METHODS_REGISTERED");
        assertThat(ResetFlowApiTest.resetting(server, UPN).last.path("step")).isEqualTo(whatIf(server).path("firstStep"));
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        assertThat(kiosk.signIn(UPN, PASSWORD)).isEqualTo("REGISTER");
        return kiosk;
    }

    /** After registering: eligible with exactly that method, as what-if says too. */
    private static FlowClient eligibleWith(InProcessServer server, String method) throws IOException {
        JsonNode whatIf = whatIf(server);
        assertThat(whatIf.path("reason").isMissingNode() || whatIf.path("reason").isNull()).as(whatIf.toString()).isTrue();
        FlowClient flow = ResetFlowApiTest.resetting(server, UPN);
        assertThat(flow.last.path("step")).isEqualTo(whatIf.path("firstStep"));
        java.util.List<String> options = new java.util.ArrayList<>();
        flow.last.path("step").path("options").forEach(option -> options.add(option.asText()));
        assertThat(options).containsExactly(method);
        return flow;
    }

    private static void finish(InProcessServer server, FlowClient flow) {
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        flow.password(NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
        assertThat(server.json("POST", "/api/v1/signin", null, "{\"userName\":\"" + UPN + "\",\"password\":\""
                + NEW_PASSWORD + "\"}").body()).contains("SIGNED_IN");
    }

    private static SsprPolicy policy(SsprPolicy current, int requiredToRegister) {
        return current.withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE,
                        AuthMethod.SECURITY_QUESTIONS), requiredToRegister, 1, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 0));
    }

    private static JsonNode whatIf(InProcessServer server) throws IOException {
        return JSON.readTree(server.get("/api/v1/policy/what-if?user=" + UPN,
                TestAdmins.signIn(server, Role.USER_ADMINISTRATOR)).body());
    }

    private static JsonNode impact(InProcessServer server, SsprPolicy proposed) throws IOException {
        return JSON.readTree(server.json("POST", "/api/v1/policy/impact",
                TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR),
                JSON.writeValueAsString(new ProposedPolicyRequest(proposed))).body());
    }
}
