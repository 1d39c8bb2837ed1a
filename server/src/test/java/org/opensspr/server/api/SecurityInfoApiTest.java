package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users register and keep their own security info (issue 12): each method proven before it counts, each
 * refused input with its reason, asked at sign-in until complete, reconfirmed after the policy's days, a
 * registered method proven again before anything changes, pre-filled data confirmed, and audit rows for each.
 */
class SecurityInfoApiTest {
    private static final String PASSWORD = "Quartz-Meadow-Falcon-17";

    @OnBothDatabases
    void theAuthenticatorAppCountsOnlyOnceACodeFromItIsEntered(InProcessServer server) {
        policy(server, 2, 30);
        TestPeople.cloudUser(server, "ann@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);

        assertThat(kiosk.signIn("ann@contoso.example", PASSWORD)).isEqualTo("REGISTER");
        JsonNode setup = kiosk.startAuthenticator();
        String uri = SecurityInfoClient.decodeQr(setup.path("qrCodePng").asText());
        assertThat(uri).isEqualTo(setup.path("otpauthUri").asText()).startsWith("otpauth://totp/")
                .contains("issuer=OpenSSPR");
        String secret = SecurityInfoClient.secretOf(uri);
        assertThat(secret).isEqualTo(setup.path("secret").asText());
        assertThat(kiosk.registeredKinds(kiosk.view())).as("not counted before it is proven").isEmpty();

        String right = Oathtool.totp(secret, server.server().clock().instant());
        kiosk.verifyAuthenticator(right.equals("000000") ? "111111" : "000000");
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.last.path("code").asText()).isEqualTo("CODE_INVALID");
        assertThat(kiosk.registeredKinds(kiosk.view())).isEmpty();

        JsonNode registered = kiosk.verifyAuthenticator(right);
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(kiosk.registeredKinds(registered)).containsExactly("AUTHENTICATOR_APP");
        assertThat(registered.path("registeredCount").asInt()).isEqualTo(1);
        assertThat(registered.path("prompt").asText()).as("one of two").isEqualTo("REGISTER");
        assertThat(registered.path("proofRequired").asBoolean()).as("proven just now: the next method needs no proof")
                .isFalse();
        kiosk.signIn("ann@contoso.example", PASSWORD);
        assertThat(kiosk.view().path("proofRequired").asBoolean()).as("the app guards the next session's changes").isTrue();
        assertThat(audit(server, "User registered security info")).contains("ann@contoso.example");
        assertThat(audit(server, "User started security info registration")).contains("ann@contoso.example");
    }

    @OnBothDatabases
    void theAlternateEmailCountsOnceTheCodeSentToItComesBack(InProcessServer server) {
        policy(server, 1, 0);
        TestPeople.cloudUser(server, "bea@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        assertThat(kiosk.signIn("bea@contoso.example", PASSWORD)).isEqualTo("REGISTER");

        kiosk.startEmail("not an address");
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("field")).containsExactly("address");
        kiosk.startEmail("bea@contoso.example");
        assertThat(kiosk.lastStatus).as("the user's own mailbox is no alternate").isEqualTo(400);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("message").getFirst()).contains("outside the organization");

        JsonNode sent = kiosk.startEmail("bea.home@private.example");
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(sent.path("destination").asText()).isEqualTo("b•••@p•••.example");
        assertThat(sent.path("codeFormat").path("length").asInt()).isEqualTo(8);
        kiosk.verifyEmail("00000000".equals(new FlowClient(server).codeSentTo("bea.home@private.example"))
                ? "11111111" : "00000000");
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.registeredKinds(kiosk.view())).isEmpty();

        JsonNode done = kiosk.verifyEmail(new FlowClient(server).codeSentTo("bea.home@private.example"));
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(done.path("registered").get(0).path("display").asText()).isEqualTo("b•••@p•••.example");
        assertThat(done.path("registered").get(0).path("source").asText()).isEqualTo("USER");
        assertThat(done.path("prompt").asText()).isEqualTo("NONE");
        assertThat(server.server().directory().loadUserByUpn("bea@contoso.example").orElseThrow().contact()
                .alternateEmail()).isEqualTo("bea.home@private.example");
        assertThat(audit(server, "User registered for self-service password reset")).contains("bea@contoso.example");
    }

    @OnBothDatabases
    void securityAnswersAreRefusedWithAReasonEachThenRegisteredInTheUsersLanguage(InProcessServer server) {
        policy(server, 1, 0);
        TestPeople.cloudUser(server, "cy@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        assertThat(kiosk.signIn("cy@contoso.example", PASSWORD, "es-ES")).isEqualTo("REGISTER");

        JsonNode catalog = kiosk.catalog();
        assertThat(catalog.path("toRegister").asInt()).isEqualTo(3);
        assertThat(catalog.path("questions").get(0).path("text").asText()).as("Spanish").startsWith("¿");
        String q1 = catalog.path("questions").get(0).path("id").asText();
        String q2 = catalog.path("questions").get(1).path("id").asText();
        String q3 = catalog.path("questions").get(2).path("id").asText();

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put(q1, "ab");
        bad.put(q2, "Same Answer");
        bad.put(q3, "  same   answer ");
        kiosk.answers(bad);
        assertThat(kiosk.lastStatus).isEqualTo(422);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("code"))
                .containsExactlyInAnyOrder("ANSWER_TOO_SHORT", "ANSWER_REPEATED");
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("answers[0].answer", "answers[2].answer");
        assertThat(kiosk.registeredKinds(kiosk.view())).isEmpty();

        kiosk.answerQuestions(3);
        JsonNode view = kiosk.view();
        assertThat(kiosk.registeredKinds(view)).containsExactly("SECURITY_QUESTIONS");
        assertThat(view.path("registered").get(0).path("display").asText()).isEqualTo("3");
        assertThat(view.path("prompt").asText()).isEqualTo("NONE");
    }

    @OnBothDatabases
    void askMeLaterAsksAgainAtTheNextSignInUntilRegistrationIsComplete(InProcessServer server) {
        policy(server, 2, 0);
        TestPeople.cloudUser(server, "dan@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);

        assertThat(kiosk.signIn("dan@contoso.example", PASSWORD)).isEqualTo("REGISTER");
        kiosk.skip();
        assertThat(kiosk.lastStatus).isEqualTo(204);
        kiosk.view();
        assertThat(kiosk.lastStatus).as("skipping ends the session").isEqualTo(401);
        assertThat(audit(server, "User canceled security info registration")).contains("dan@contoso.example");

        assertThat(kiosk.signIn("dan@contoso.example", PASSWORD)).isEqualTo("REGISTER");
        kiosk.addEmail("dan.home@private.example");
        kiosk.skip();
        assertThat(kiosk.signIn("dan@contoso.example", PASSWORD)).as("one of two").isEqualTo("REGISTER");
        kiosk.startProof("EMAIL");
        kiosk.proveCode("EMAIL", new FlowClient(server).codeSentTo("dan.home@private.example"));
        assertThat(kiosk.lastStatus).isEqualTo(200);
        kiosk.answerQuestions(3);
        assertThat(kiosk.signIn("dan@contoso.example", PASSWORD)).as("complete: straight in").isEqualTo("NONE");
    }

    @OnBothDatabases
    void reconfirmationIsAskedAfterThePolicysDaysAndNeedsAProof(InProcessServer server) {
        policy(server, 1, 30);
        TestPeople.cloudUser(server, "eve@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        assertThat(kiosk.signIn("eve@contoso.example", PASSWORD)).isEqualTo("REGISTER");
        kiosk.addEmail("eve.home@private.example");

        advanceDays(server, 29);
        assertThat(kiosk.signIn("eve@contoso.example", PASSWORD)).as("day 29 of 30").isEqualTo("NONE");
        advanceDays(server, 2);
        assertThat(kiosk.signIn("eve@contoso.example", PASSWORD)).as("day 31 of 30").isEqualTo("RECONFIRM");

        kiosk.confirm();
        assertThat(kiosk.lastStatus).as("the password alone can't reconfirm").isEqualTo(403);
        kiosk.startProof("EMAIL");
        kiosk.proveCode("EMAIL", new FlowClient(server).codeSentTo("eve.home@private.example"));
        assertThat(kiosk.confirm().path("prompt").asText()).isEqualTo("NONE");
        assertThat(audit(server, "User reviewed security info")).contains("eve@contoso.example");
        assertThat(kiosk.signIn("eve@contoso.example", PASSWORD)).isEqualTo("NONE");
    }

    @OnBothDatabases
    void changingOrDeletingNeedsARegisteredMethodProvenAgain(InProcessServer server) {
        policy(server, 1, 0);
        TestPeople.cloudUser(server, "fay@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("fay@contoso.example", PASSWORD);
        String secret = kiosk.addAuthenticator();

        kiosk.signIn("fay@contoso.example", PASSWORD);
        assertThat(kiosk.view().path("proofRequired").asBoolean()).isTrue();
        kiosk.delete("AUTHENTICATOR_APP");
        assertThat(kiosk.lastStatus).as("a stolen password alone can't remove it").isEqualTo(403);
        kiosk.startEmail("attacker@evil.example");
        assertThat(kiosk.lastStatus).as("nor add an attacker's address").isEqualTo(403);
        assertThat(new FlowClient(server).outboxSize()).isZero();

        advanceSeconds(server, 30); // the code that registered the app can't prove it again
        kiosk.proveCode("AUTHENTICATOR_APP", "123456".equals(Oathtool.totp(secret, server.server().clock().instant()))
                ? "654321" : "123456");
        assertThat(kiosk.lastStatus).isEqualTo(400);
        kiosk.proveCode("AUTHENTICATOR_APP", Oathtool.totp(secret, server.server().clock().instant()));
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(kiosk.last.path("proofRequired").asBoolean()).isFalse();

        kiosk.addEmail("fay.home@private.example");
        JsonNode after = kiosk.delete("AUTHENTICATOR_APP");
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(kiosk.registeredKinds(after)).containsExactly("EMAIL");
        assertThat(audit(server, "User deleted security info")).contains("fay@contoso.example");
    }

    @OnBothDatabases
    void contactDataAnAdministratorPrefilledIsConfirmedByTheUser(InProcessServer server) {
        policy(server, 1, 0);
        var user = TestPeople.cloudUser(server, "gus@contoso.example", PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest("gus.home@private.example", "", ""));
        SecurityInfoClient kiosk = new SecurityInfoClient(server);

        assertThat(kiosk.signIn("gus@contoso.example", PASSWORD)).isEqualTo("CONFIRM");
        JsonNode view = kiosk.view();
        assertThat(view.path("registered").get(0).path("source").asText()).isEqualTo("ADMIN_PREFILL");
        assertThat(view.path("registered").get(0).path("display").asText()).isEqualTo("g•••@p•••.example");
        kiosk.confirm();
        assertThat(kiosk.lastStatus).isEqualTo(403);

        JsonNode challenge = kiosk.startProof("EMAIL");
        assertThat(challenge.path("destination").asText()).isEqualTo("g•••@p•••.example");
        kiosk.proveCode("EMAIL", new FlowClient(server).codeSentTo("gus.home@private.example"));
        assertThat(kiosk.confirm().path("prompt").asText()).isEqualTo("NONE");
        assertThat(kiosk.signIn("gus@contoso.example", PASSWORD)).as("confirmed once: straight in").isEqualTo("NONE");
    }

    @OnBothDatabases
    void aSessionAnswersOnlyItsKioskAndEndingItDiscardsWhatWasNotProven(InProcessServer server) throws Exception {
        policy(server, 1, 0);
        TestPeople.cloudUser(server, "hal@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("hal@contoso.example", PASSWORD);
        kiosk.startAuthenticator();

        kiosk.from = InetAddress.getByName("127.0.0.2");
        kiosk.view();
        assertThat(kiosk.lastStatus).as("another machine").isEqualTo(401);
        assertThat(kiosk.last.path("code").asText()).isEqualTo("SESSION_EXPIRED");
        kiosk.from = null;

        kiosk.end();
        assertThat(kiosk.lastStatus).isEqualTo(204);
        kiosk.view();
        assertThat(kiosk.lastStatus).isEqualTo(401);
        assertThat(server.server().database().dsl().fetchCount(org.opensspr.server.db.Tables.SECURITY_INFO_PENDING))
                .as("the unproven app's seed is gone").isZero();

        advanceSeconds(server, 0);
        kiosk.signIn("hal@contoso.example", PASSWORD);
        advanceSeconds(server, 15 * 60);
        kiosk.view();
        assertThat(kiosk.lastStatus).as("15 minutes after sign-in").isEqualTo(401);
    }

    @OnBothDatabases
    void codeSendsAndWrongCodesAreThrottledAsInTheResetFlow(InProcessServer server) {
        policy(server, 1, 0);
        TestPeople.cloudUser(server, "ivy@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("ivy@contoso.example", PASSWORD);
        for (int i = 1; i <= 11; i++) {
            kiosk.startEmail("ivy" + i + "@private.example");
            assertThat(kiosk.lastStatus).as("email %d", i).isEqualTo(200);
        }
        // More than 10 in 10 minutes: blocked for 24 hours, for registration and reset alike (one count).
        kiosk.startEmail("ivy12@private.example");
        assertThat(kiosk.lastStatus).isEqualTo(429);
        assertThat(kiosk.last.path("retryAfter").asText()).isNotEmpty();
        kiosk.verifyEmail(new FlowClient(server).codeSentTo("ivy11@private.example"));
        assertThat(kiosk.lastStatus).as("not even the right code, while blocked").isEqualTo(429);
        assertThat(new FlowClient(server).outboxSize()).isEqualTo(11);
    }

    @OnBothDatabases
    void theDemoHasPeopleToReconfirmAndPeopleStraightIn(InProcessServer server) {
        server.server().seedDemo();
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        String password = org.opensspr.server.demo.DemoSeeder.PEOPLE_PASSWORD;

        assertThat(kiosk.signIn("patti.fernandez@contoso.example", password)).as("registered 190 days ago")
                .isEqualTo("RECONFIRM");
        assertThat(kiosk.signIn("adele.vance@contoso.example", password)).as("registered 10 days ago").isEqualTo("NONE");
        assertThat(kiosk.signIn("lynne.robbins@contoso.example", password)).as("one method of two").isEqualTo("REGISTER");
    }

    private static void policy(InProcessServer server, int requiredToRegister, int reconfirmDays) {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE,
                        AuthMethod.SECURITY_QUESTIONS), requiredToRegister, 1, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, reconfirmDays)), "test");
    }

    private static void advanceDays(InProcessServer server, int days) {
        advanceSeconds(server, days * 86_400L);
    }

    private static void advanceSeconds(InProcessServer server, long seconds) {
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":" + seconds + "}");
    }

    static String audit(InProcessServer server, String activity) {
        return server.get("/api/v1/audit?size=200&activity=" + activity.replace(" ", "%20").replace("(", "%28")
                .replace(")", "%29"), TestAdmins.signIn(server, org.opensspr.directory.Role.REPORTS_READER)).body();
    }
}
