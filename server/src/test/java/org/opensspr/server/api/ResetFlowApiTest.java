package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.secinfo.QuestionAnswer;
import org.opensspr.server.testing.OnBothDatabases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reset flows end to end over HTTP against the real server in test mode (fixed captcha answer,
 * outbox readable, movable clock), codes from the outbox and from oathtool, on both databases.
 */
class ResetFlowApiTest {
    static final String ANN = "ann@contoso.example";
    static final String ANN_ALTERNATE = "ann@private.example";
    static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    static final String NEW_PASSWORD = "Lantern-Orbit-Kettle-58";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    static final Map<String, String> ANSWERS = Map.of("FIRST_PET", "Rex the dog", "FAVORITE_FOOD", "Pho",
            "CHILDHOOD_HERO", "Ada Lovelace");

    static void policy(InProcessServer server, int gates) {
        var policies = server.server().policies();
        SsprPolicy policy = policies.currentPolicy().withScope(ScopePolicy.all()).withMethods(new MethodsPolicy(
                EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE, AuthMethod.SECURITY_QUESTIONS,
                        AuthMethod.MOBILE_PHONE), 3, gates, SecurityQuestionsPolicy.defaults()));
        policies.update(policies.current().version(), policy, "test");
    }

    /** Ann: cloud user with an alternate email, the Authenticator app and three security answers. */
    static UserDetailDto ann(InProcessServer server) {
        UserDetailDto ann = TestPeople.cloudUser(server, ANN, PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), ann.id(),
                new ContactUpdateRequest(ANN_ALTERNATE, "", ""));
        var questions = server.server().policies().currentPolicy().methods().securityQuestions();
        server.server().database().inTransactionDo(tx -> {
            server.server().userTotp().registerWithSecret(tx, ann.id(), TOTP_SECRET);
            List<QuestionAnswer> answers = new ArrayList<>();
            ANSWERS.forEach((q, a) -> answers.add(new QuestionAnswer(q, a)));
            server.server().securityAnswers().register(tx, ann.id(), answers, questions);
        });
        return ann;
    }

    @OnBothDatabases
    void resetWithAnEmailCode(InProcessServer server) {
        policy(server, 1);
        ann(server);
        FlowClient flow = new FlowClient(server);

        flow.start("RESET_PASSWORD");
        assertThat(flow.step()).isEqualTo("IDENTIFY_USER");
        assertThat(flow.last.path("captcha").path("pngBase64").asText()).isNotEmpty();
        flow.identify(ANN);
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        assertThat(flow.last.path("step").path("options").toString())
                .contains("EMAIL", "MOBILE_APP_CODE", "SECURITY_QUESTIONS").doesNotContain("MOBILE_PHONE");
        String identifyTicket = flow.ticket;
        flow.choose("EMAIL");
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        assertThat(flow.last.path("challenge").path("destination").asText()).isEqualTo("a•••@p•••.example");

        flow.proveCode("00000000");
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        assertThat(flow.last.path("notice").asText()).isEqualTo("WRONG_CODE");
        flow.proveCode(flow.codeSentTo(ANN_ALTERNATE));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        assertThat(flow.last.path("requirements").path("minLength").asInt()).isEqualTo(8);

        JsonNode weak = flow.password("Password1");
        assertThat(flow.lastStatus).isEqualTo(422);
        assertThat(weak.path("fieldErrors").findValuesAsText("code")).contains("BANNED_PASSWORD");
        flow.password(NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
        assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");

        // the spent ticket of an earlier step is a replay
        flow.ticket = identifyTicket;
        JsonNode replay = flow.choose("EMAIL");
        assertThat(flow.lastStatus).isEqualTo(409);
        assertThat(replay.path("code").asText()).isEqualTo("TICKET_ALREADY_USED");

        String signIn = server.json("POST", "/api/v1/signin", null,
                "{\"userName\":\"" + ANN + "\",\"password\":\"" + NEW_PASSWORD + "\"}").body();
        assertThat(signIn).contains("SIGNED_IN");
        String outbox = server.get("/api/v1/test/outbox", null).body();
        assertThat(outbox).contains("\"recipient\":\"" + ANN + "\"").contains("\"recipient\":\"" + ANN_ALTERNATE + "\"");
        String audit = server.get("/api/v1/audit?size=200", TestAdmins.signIn(server,
                org.opensspr.directory.Role.REPORTS_READER)).body();
        assertThat(audit).contains("Reset password (self-service)", "User identified", "Gate 1 passed: EMAIL");
    }

    @OnBothDatabases
    void twoGatesAuthenticatorThenQuestions(InProcessServer server) {
        policy(server, 2);
        ann(server);
        FlowClient flow = resetting(server, ANN);
        assertThat(flow.last.path("step").path("gatesRequired").asInt()).isEqualTo(2);

        flow.choose("MOBILE_APP_CODE");
        flow.proveCode(Oathtool.totp(TOTP_SECRET, server.server().clock().instant()));
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        assertThat(flow.last.path("step").path("gate").asInt()).isEqualTo(2);
        assertThat(flow.last.path("step").path("options").toString()).doesNotContain("MOBILE_APP");

        flow.choose("SECURITY_QUESTIONS");
        JsonNode questions = flow.last.path("challenge").path("questions");
        assertThat(questions).hasSize(3);
        Map<String, String> wrong = new java.util.HashMap<>();
        questions.forEach(q -> wrong.put(q.path("id").asText(), "not the answer"));
        flow.answer(wrong);
        assertThat(flow.last.path("notice").asText()).isEqualTo("WRONG_ANSWERS");
        Map<String, String> right = new java.util.HashMap<>();
        flow.last.path("challenge").path("questions").forEach(q ->
                right.put(q.path("id").asText(), "  " + ANSWERS.get(q.path("id").asText()).toUpperCase() + " "));
        flow.answer(right);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        flow.password(NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
    }

    /**
     * The challenge says how long its code is; a code of another length is refused (400) before it is
     * checked and costs nothing: five of them — as many as would block if they counted — leave the ticket
     * and the attempts as they were.
     */
    @OnBothDatabases
    void theChallengeSaysHowLongTheCodeIsAndAnotherLengthIsRefusedFreeOfCharge(InProcessServer server) {
        policy(server, 2);
        ann(server);
        FlowClient flow = resetting(server, ANN);

        flow.choose("EMAIL");
        assertThat(flow.last.path("challenge").path("codeFormat").toString())
                .isEqualTo("{\"length\":8,\"digitsOnly\":true}");
        flow.proveCode("00000000".equals(flow.codeSentTo(ANN_ALTERNATE)) ? "11111111" : "00000000");
        assertThat(flow.last.path("notice").asText()).as("a wrong code of the right length").isEqualTo("WRONG_CODE");
        assertThat(flow.last.path("challenge").path("codeFormat").path("length").asInt()).isEqualTo(8);
        refusedFiveTimes(flow, "123456", "The code has 8 digits.");
        flow.proveCode(flow.codeSentTo(ANN_ALTERNATE));
        assertThat(flow.step()).as("the refusals spent neither the ticket nor an attempt").isEqualTo("CHOOSE_METHOD");

        flow.choose("MOBILE_APP_CODE");
        assertThat(flow.last.path("challenge").path("codeFormat").toString())
                .isEqualTo("{\"length\":6,\"digitsOnly\":true}");
        refusedFiveTimes(flow, "12345678", "The code has 6 digits.");
        flow.proveCode(" " + Oathtool.totp(TOTP_SECRET, server.server().clock().instant()).replaceAll("(...)", "$1 "));
        assertThat(flow.step()).as("spaces as read off the phone don't count").isEqualTo("SET_NEW_PASSWORD");
    }

    private static void refusedFiveTimes(FlowClient flow, String code, String message) {
        for (int i = 0; i < 5; i++) {
            JsonNode refused = flow.proveCode(code);
            assertThat(flow.lastStatus).isEqualTo(400);
            assertThat(refused.path("code").asText()).isEqualTo("INVALID_VALUE");
            assertThat(refused.path("fieldErrors").findValuesAsText("field")).containsExactly("code");
            assertThat(refused.path("message").asText()).isEqualTo(message);
        }
    }

    @OnBothDatabases
    void theFourIndistinguishableAccountsGetOneAnswer(InProcessServer server) {
        policy(server, 1);
        ann(server);
        UserDetailDto disabled = TestPeople.cloudUser(server, "dis@contoso.example", PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), disabled.id(),
                new ContactUpdateRequest("dis@private.example", "", ""));
        server.server().directory().updateUser(DirectoryActor.system("test"), disabled.id(),
                new org.opensspr.api.UserWriteRequest("dis@contoso.example", "Dis", "Abled", "Dis Abled",
                        org.opensspr.directory.UserSource.CLOUD, false, false, "dis@contoso.example", "en-US"));
        TestPeople.cloudUser(server, "bare@contoso.example", PASSWORD, false);

        List<JsonNode> answers = new ArrayList<>();
        for (String user : List.of("nobody@contoso.example", "dis@contoso.example", "bare@contoso.example")) {
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(user); // and each answer leaves at the same floor (AnswerFloorTest)
            answers.add(((com.fasterxml.jackson.databind.node.ObjectNode) flow.last.deepCopy())
                    .put("ticket", "-").put("flowExpiresAt", "-"));
        }
        // not enabled: the same answer once the policy scope leaves Ann out
        var policies = server.server().policies();
        policies.update(policies.current().version(),
                policies.currentPolicy().withScope(ScopePolicy.selected(List.of("no-such-group"))), "test");
        FlowClient flow = resetting(server, ANN);
        answers.add(((com.fasterxml.jackson.databind.node.ObjectNode) flow.last.deepCopy())
                .put("ticket", "-").put("flowExpiresAt", "-"));

        assertThat(answers).allSatisfy(a -> assertThat(a.path("step").path("reason").asText()).isEqualTo("CANNOT_RESET_HERE"));
        assertThat(answers.stream().distinct()).hasSize(1);
    }

    @OnBothDatabases
    void codesExpireAfterFiveMinutesAndFlowsAfterFifteen(InProcessServer server) {
        policy(server, 1);
        ann(server);
        FlowClient flow = resetting(server, ANN);
        flow.choose("EMAIL");
        String code = flow.codeSentTo(ANN_ALTERNATE);

        advance(server, 5 * 60);
        flow.proveCode(code);
        assertThat(flow.last.path("notice").asText()).isEqualTo("CODE_EXPIRED");

        advance(server, 10 * 60);
        JsonNode gone = flow.proveCode(code);
        assertThat(flow.lastStatus).isEqualTo(410);
        assertThat(gone.path("code").asText()).isEqualTo("FLOW_EXPIRED");
    }

    @OnBothDatabases
    void fiveFailedProofsBlockForTwentyFourHours(InProcessServer server) {
        policy(server, 1);
        ann(server);
        FlowClient flow = resetting(server, ANN);
        flow.choose("MOBILE_APP_CODE");
        for (int i = 1; i <= 4; i++) {
            flow.proveCode("00000" + i);
            assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        }
        flow.proveCode("000005");
        assertThat(flow.step()).as("the 5th failure blocks").isEqualTo("DEAD_END");
        assertThat(flow.last.path("step").path("reason").asText()).isEqualTo("BLOCKED");

        advance(server, 24 * 3600 - 1);
        FlowClient later = new FlowClient(server);
        later.start("RESET_PASSWORD");
        later.identify(ANN);
        assertThat(later.last.path("step").path("reason").asText()).as("still blocked at +24 h − 1 s").isEqualTo("BLOCKED");

        advance(server, 2);
        FlowClient open = new FlowClient(server);
        open.start("RESET_PASSWORD");
        open.identify(ANN);
        assertThat(open.step()).as("open again at +24 h + 1 s").isEqualTo("CHOOSE_METHOD");
        assertThat(server.get("/api/v1/audit?activity=Blocked%20from%20self-service%20password%20reset", TestAdmins.signIn(server,
                org.opensspr.directory.Role.REPORTS_READER)).body()).contains(ANN);
    }

    @OnBothDatabases
    void twoConcurrentResetsOfOneUserFinishOnce(InProcessServer server) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            policy(server, 1);
            ann(server);
            FlowClient first = atNewPassword(server);
            FlowClient second = atNewPassword(server);
            CyclicBarrier barrier = new CyclicBarrier(2);
            Callable<Integer> one = () -> {
                barrier.await();
                first.password(NEW_PASSWORD);
                return first.lastStatus;
            };
            Callable<Integer> two = () -> {
                barrier.await();
                second.password("Velvet-Canyon-Piano-64");
                return second.lastStatus;
            };
            Future<Integer> a = pool.submit(one);
            Future<Integer> b = pool.submit(two);

            List<Integer> statuses = List.of(a.get(), b.get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        }
    }

    @OnBothDatabases
    void unlockWithoutResettingWhenThePolicyAllowsIt(InProcessServer server) {
        policy(server, 1);
        UserDetailDto ann = ann(server);
        server.server().database().inTransactionDo(tx -> tx.update(org.opensspr.server.db.Tables.DIRECTORY_USER)
                .set(org.opensspr.server.db.Tables.DIRECTORY_USER.LOCKED, true)
                .where(org.opensspr.server.db.Tables.DIRECTORY_USER.ID.eq(ann.id())).execute());
        assertThat(signInOutcome(server, PASSWORD)).isEqualTo("LOCKED");

        FlowClient flow = new FlowClient(server);
        flow.start("UNLOCK_ACCOUNT");
        flow.identify(ANN);
        flow.choose("MOBILE_APP_CODE");
        flow.proveCode(Oathtool.totp(TOTP_SECRET, server.server().clock().instant()));
        assertThat(flow.step()).isEqualTo("CONFIRM_UNLOCK");
        flow.unlock();

        assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("ACCOUNT_UNLOCKED");
        assertThat(signInOutcome(server, PASSWORD)).as("the old password still works").isEqualTo("SIGNED_IN");
        assertThat(SecurityInfoApiTest.audit(server, "Unlock user account (self-service)"))
                .contains("\"target\":\"" + ANN + "\"", "\"result\":\"SUCCESS\"");

        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy()
                .withOnPremises(new org.opensspr.policy.OnPremisesPolicy(true, false)), "test");
        advance(server, 31);
        FlowClient combined = new FlowClient(server);
        combined.start("UNLOCK_ACCOUNT");
        combined.identify(ANN);
        combined.choose("MOBILE_APP_CODE");
        combined.proveCode(Oathtool.totp(TOTP_SECRET, server.server().clock().instant()));
        assertThat(combined.step()).as("without the switch, unlock means reset").isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void administratorsNeedTwoGatesUnderAOneMethodPolicy(InProcessServer server) {
        policy(server, 1);
        UserDetailDto ann = ann(server);
        server.server().directory().setRoles(DirectoryActor.system("test"), ann.id(),
                new org.opensspr.api.RolesUpdateRequest(List.of("HELPDESK_ADMINISTRATOR")));
        var global = TestAdmins.create(server, org.opensspr.directory.Role.GLOBAL_ADMINISTRATOR);
        server.server().directory().updateUser(DirectoryActor.system("test"), global.userId(),
                new org.opensspr.api.UserWriteRequest(global.userPrincipalName(), "Glo", "Bal", "Global Admin",
                        org.opensspr.directory.UserSource.CLOUD, true, false, "global@contoso.example", "en-US"));
        FlowClient flow = resetting(server, ANN);

        assertThat(flow.last.path("step").path("gatesRequired").asInt()).isEqualTo(2);
        assertThat(flow.last.path("step").path("options").toString()).doesNotContain("SECURITY_QUESTIONS");
        flow.choose("EMAIL");
        flow.proveCode(flow.codeSentTo(ANN_ALTERNATE));
        flow.choose("MOBILE_APP_CODE");
        flow.proveCode(Oathtool.totp(TOTP_SECRET, server.server().clock().instant()));
        flow.password(NEW_PASSWORD);
        assertThat(flow.last.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        assertThat(server.get("/api/v1/test/outbox", null).body()).as("every Global Administrator is told")
                .contains("\"recipient\":\"global@contoso.example\"");
    }

    @OnBothDatabases
    void questionsFirstThenAnEmailCode(InProcessServer server) {
        policy(server, 2);
        ann(server);
        FlowClient flow = resetting(server, ANN);
        flow.choose("SECURITY_QUESTIONS");
        Map<String, String> right = new java.util.HashMap<>();
        flow.last.path("challenge").path("questions").forEach(q ->
                right.put(q.path("id").asText(), ANSWERS.get(q.path("id").asText())));
        flow.answer(right);
        assertThat(flow.last.path("step").path("options").toString()).doesNotContain("SECURITY_QUESTIONS");
        flow.choose("EMAIL");
        flow.proveCode(flow.codeSentTo(ANN_ALTERNATE));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void aKioskWaitsTenMinutesAfterThirtyStarts(InProcessServer server) {
        policy(server, 1);
        FlowClient flow = new FlowClient(server);
        for (int i = 1; i <= 30; i++) {
            flow.start("RESET_PASSWORD");
            assertThat(flow.lastStatus).as("start " + i).isEqualTo(201);
        }
        JsonNode refused = flow.start("RESET_PASSWORD");
        assertThat(flow.lastStatus).isEqualTo(429);
        assertThat(refused.path("code").asText()).isEqualTo("THROTTLED");

        advance(server, 10 * 60 + 1);
        flow.start("RESET_PASSWORD");
        assertThat(flow.lastStatus).isEqualTo(201);
    }

    @OnBothDatabases
    void moreThanTenEmailsInTenMinutesBlock(InProcessServer server) {
        policy(server, 1);
        ann(server);
        FlowClient flow = resetting(server, ANN);
        flow.choose("EMAIL");
        for (int sent = 2; sent <= 10; sent++) {
            advance(server, 31);
            flow.post("/reset/flows/resend", flow.withTicket());
            assertThat(flow.step()).as("email " + sent).isEqualTo("PROVE_IDENTITY");
        }
        advance(server, 31);
        flow.post("/reset/flows/resend", flow.withTicket());
        assertThat(flow.last.path("step").path("reason").asText()).as("the 11th email").isEqualTo("BLOCKED");
    }

    @OnBothDatabases
    void aCodeIsSentAgainOnlyAfterThirtySecondsEvenAfterAWrongCode(InProcessServer server) {
        policy(server, 1);
        ann(server);
        FlowClient flow = resetting(server, ANN);
        // The code goes out during the choice: 30 s after a moment within it (a loaded machine may take seconds).
        Instant beforeChoice = server.server().clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        flow.choose("EMAIL");
        String resendAt = flow.last.path("challenge").path("resendAvailableAt").asText();
        Instant afterChoice = server.server().clock().instant();
        String first = flow.codeSentTo(ANN_ALTERNATE);
        assertThat(Instant.parse(resendAt)).isBetween(beforeChoice.plusSeconds(30), afterChoice.plusSeconds(30));

        advance(server, 10);
        flow.proveCode(first.equals("00000000") ? "11111111" : "00000000");
        assertThat(flow.last.path("notice").asText()).isEqualTo("WRONG_CODE");
        assertThat(flow.last.path("challenge").path("resendAvailableAt").asText())
                .as("a wrong code doesn't restart the pause, nor forget it").isEqualTo(resendAt);

        int mails = flow.outboxSize();
        flow.post("/reset/flows/resend", flow.withTicket());
        assertThat(flow.lastStatus).isEqualTo(200);
        assertThat(flow.last.path("notice").asText()).isEqualTo("RESEND_TOO_SOON");
        assertThat(flow.last.path("challenge").path("resendAvailableAt").asText()).isEqualTo(resendAt);
        assertThat(flow.outboxSize()).as("nothing sent").isEqualTo(mails);

        advance(server, 21);
        flow.post("/reset/flows/resend", flow.withTicket());
        assertThat(flow.last.path("notice").asText()).isEqualTo("CODE_SENT_AGAIN");
        assertThat(flow.outboxSize()).isEqualTo(mails + 1);
        String second = flow.codeSentTo(ANN_ALTERNATE);
        flow.proveCode(second);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void aCancelledFlowAnswersNoContentAsDocumentedAndItsTicketEndsWithIt(InProcessServer server) {
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        String ticket = flow.ticket;

        flow.post("/reset/flows/abandon", flow.withTicket());
        assertThat(flow.lastStatus).isEqualTo(204);
        flow.ticket = ticket;
        JsonNode gone = flow.identify(ANN);
        assertThat(flow.lastStatus).isEqualTo(410);
        assertThat(gone.path("code").asText()).isEqualTo("FLOW_EXPIRED");
    }

    @OnBothDatabases
    void anAdministratorWithOneMethodLooksLikeEveryoneWhoCantResetButTheAuditKnowsWhy(InProcessServer server) {
        policy(server, 1);
        UserDetailDto admin = TestPeople.cloudUser(server, "boss@contoso.example", PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), admin.id(),
                new ContactUpdateRequest("boss@private.example", "", ""));
        server.server().directory().setRoles(DirectoryActor.system("test"), admin.id(),
                new org.opensspr.api.RolesUpdateRequest(List.of("USER_ADMINISTRATOR")));
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify("boss@contoso.example");

        FlowClient nobody = new FlowClient(server);
        nobody.start("RESET_PASSWORD");
        nobody.identify("nobody@contoso.example");

        assertThat(flow.last.path("step").path("reason").asText()).isEqualTo("CANNOT_RESET_HERE");
        assertThat(flow.last.path("helpdesk").isObject()).isTrue();
        assertThat(((com.fasterxml.jackson.databind.node.ObjectNode) flow.last.deepCopy()).put("ticket", "-")
                .put("flowExpiresAt", "-")).as("nothing tells an administrator from an unknown name")
                .isEqualTo(((com.fasterxml.jackson.databind.node.ObjectNode) nobody.last.deepCopy()).put("ticket", "-")
                        .put("flowExpiresAt", "-"));
        assertThat(server.server().database().dsl().fetch(org.opensspr.server.db.Tables.AUDIT_EVENT,
                        org.opensspr.server.db.Tables.AUDIT_EVENT.TARGET.eq("boss@contoso.example"))
                .getValues(org.opensspr.server.db.Tables.AUDIT_EVENT.FAILURE_REASON))
                .as("the audit log keeps the specific reason").contains("ADMIN_NEEDS_TWO_METHODS");
    }

    private static String signInOutcome(InProcessServer server, String password) {
        String body = server.json("POST", "/api/v1/signin", null,
                "{\"userName\":\"" + ANN + "\",\"password\":\"" + password + "\"}").body();
        return body.replaceAll(".*\"outcome\":\"([A-Z_]+)\".*", "$1");
    }

    /** A new reset flow, past the user ID and captcha. */
    static FlowClient resetting(InProcessServer server, String user) {
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(user);
        return flow;
    }

    private static FlowClient atNewPassword(InProcessServer server) {
        FlowClient flow = resetting(server, ANN);
        flow.choose("EMAIL");
        flow.proveCode(flow.codeSentTo(ANN_ALTERNATE));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        return flow;
    }

    static void advance(InProcessServer server, long seconds) {
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":" + seconds + "}");
    }
}
