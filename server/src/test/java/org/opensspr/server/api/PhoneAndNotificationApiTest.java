package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.Json;
import org.opensspr.api.UserDetailDto;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.OnBothDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone and notification gates through real HTTP round trips on the embedded default, where the
 * outbox is the delivery: texts and calls with their codes, number matching, and the answer link's
 * checks (forged, expired, replayed).
 */
class PhoneAndNotificationApiTest {
    static final String PAT = "pat@contoso.example";
    static final String PASSWORD = "Quartz-Meadow-Falcon-17";
    static final String NEW_PASSWORD = "Lantern-Orbit-Kettle-58";
    static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final ObjectMapper JSON = Json.newMapper();

    static void policy(InProcessServer server, int gates) {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE,
                        AuthMethod.MOBILE_APP_NOTIFICATION, AuthMethod.MOBILE_PHONE, AuthMethod.OFFICE_PHONE), 2, gates,
                        SecurityQuestionsPolicy.defaults())), "test");
    }

    /** Pat: a Swiss mobile, a US office phone with an extension, an alternate email and the Authenticator app. */
    static UserDetailDto pat(InProcessServer server) {
        UserDetailDto pat = TestPeople.cloudUser(server, PAT, PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), pat.id(),
                new ContactUpdateRequest("pat@private.example", "+41 79 123 45 67", "+1 206 555 0142 ext. 123"));
        server.server().database().inTransactionDo(tx -> server.server().userTotp().registerWithSecret(tx, pat.id(), TOTP_SECRET));
        return pat;
    }

    @OnBothDatabases
    void aTextedCodeResetsThePassword(InProcessServer server) {
        policy(server, 1);
        pat(server);
        FlowClient flow = started(server);
        assertThat(flow.last.path("step").path("options").toString()).contains("MOBILE_PHONE", "OFFICE_PHONE")
                .doesNotContain("MOBILE_APP_NOTIFICATION"); // one gate: the app offers its code only
        choose(flow, "MOBILE_PHONE", "TEXT");
        JsonNode challenge = flow.last.path("challenge");
        assertThat(challenge.path("delivery").asText()).isEqualTo("TEXT");
        assertThat(challenge.path("destination").asText()).isEqualTo("+41 ••• ••• 67");
        JsonNode sms = newest(server, "SMS");
        assertThat(sms.path("recipient").asText()).isEqualTo("+41791234567");
        assertThat(sms.path("body").asText()).contains("verification code is").doesNotContain("ext");

        flow.proveCode("00000000");
        assertThat(flow.last.path("notice").asText()).isEqualTo("WRONG_CODE");
        flow.proveCode(code(sms));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        flow.password(NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
    }

    @OnBothDatabases
    void theOfficePhoneIsCalledAtItsExtensionAndTheCodeReadOutTwice(InProcessServer server) {
        policy(server, 1);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "OFFICE_PHONE", "TEXT");
        assertThat(flow.lastStatus).isEqualTo(400);
        choose(flow, "OFFICE_PHONE", null);
        JsonNode challenge = flow.last.path("challenge");
        assertThat(challenge.path("delivery").asText()).isEqualTo("CALL");
        assertThat(challenge.path("destination").asText()).isEqualTo("+1 ••• ••• 42 ext. 123");
        JsonNode call = newest(server, "VOICE");
        assertThat(call.path("recipient").asText()).isEqualTo("+12065550142;ext=123");
        String code = flow.codeFromSpoken(call.path("body").asText());
        String spoken = String.join(", ", code.split(""));
        assertThat(call.path("body").asText().split(Pattern.quote(spoken), -1)).hasSize(3);

        flow.proveCode(code);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void callingAMobileAndSendingAgainGoesTheSameWay(InProcessServer server) {
        policy(server, 1);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_PHONE", "CALL");
        String first = flow.codeFromSpoken(newest(server, "VOICE").path("body").asText());
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":31}");
        flow.post("/reset/flows/resend", flow.withTicket());
        assertThat(flow.last.path("notice").asText()).isEqualTo("CODE_SENT_AGAIN");
        assertThat(flow.last.path("challenge").path("delivery").asText()).isEqualTo("CALL");
        String second = flow.codeFromSpoken(newest(server, "VOICE").path("body").asText());
        flow.proveCode(first);
        assertThat(flow.last.path("notice").asText()).isEqualTo("WRONG_CODE");
        flow.proveCode(second);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void fiveTextsOrCallsInAnHourBlockForADay(InProcessServer server) {
        policy(server, 1);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_PHONE", "TEXT");
        for (int resend = 1; resend <= 3; resend++) {
            server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":31}");
            flow.post("/reset/flows/resend", flow.withTicket());
            assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        }
        // The fifth send: a call.
        flow.post("/reset/flows/back", flow.withTicket());
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        choose(flow, "MOBILE_PHONE", "CALL");
        assertThat(flow.step()).isEqualTo("DEAD_END");
        assertThat(flow.last.path("step").path("reason").asText()).isEqualTo("BLOCKED");
    }

    @OnBothDatabases
    void theRightNumberApprovesTheNotification(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = started(server);
        assertThat(flow.last.path("step").path("options").toString()).contains("MOBILE_APP_NOTIFICATION");
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        int match = flow.last.path("challenge").path("matchNumber").asInt();
        assertThat(match).isBetween(10, 99);
        JsonNode push = newest(server, "PUSH");
        assertThat(push.path("recipient").asText()).matches("opensspr-[0-9a-f]{32}");
        JsonNode notice = read(push.path("body").asText());
        assertThat(notice.path("choices")).hasSize(3);
        assertThat(notice.path("choices").toString()).contains("\"" + match + "\"");

        flow.proveCode(null);
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        assertThat(flow.last.path("notice").asText()).isEqualTo("WAITING_FOR_APPROVAL");

        String answerUrl = notice.path("answerUrl").asText();
        assertThat(answer(server, answerUrl, String.valueOf(match)).statusCode()).isEqualTo(204);
        assertThat(answer(server, answerUrl, String.valueOf(match)).statusCode()).as("replayed").isEqualTo(409);
        flow.proveCode(null);
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        assertThat(flow.last.path("step").path("gate").asInt()).isEqualTo(2);
        assertThat(flow.last.path("step").path("options").toString())
                .doesNotContain("MOBILE_APP_CODE").contains("EMAIL", "MOBILE_PHONE");
    }

    @OnBothDatabases
    void aWrongNumberOrADenialIsAFailedProofAndTheLinkCantBeForgedOrUsedLate(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        int match = flow.last.path("challenge").path("matchNumber").asInt();
        JsonNode notice = read(newest(server, "PUSH").path("body").asText());
        String wrong = null;
        for (JsonNode choice : notice.path("choices")) {
            if (!choice.asText().equals(String.valueOf(match))) {
                wrong = choice.asText();
            }
        }
        String url = notice.path("answerUrl").asText();
        String forged = url.substring(0, url.length() - 1) + (url.endsWith("0") ? "1" : "0");
        server.server().delivery().deliverDueNow(); // the outbox settles first: only the answers may change things
        var before = TableSnapshot.of(server.server().database().dsl());
        assertThat(answer(server, forged, String.valueOf(match)).statusCode()).as("forged").isEqualTo(404);
        assertThat(answer(server, url, "7").statusCode()).as("not two digits").isEqualTo(400);
        assertThat(server.send("POST", URI.create(forged).getPath() + "/form", null, "application/x-www-form-urlencoded",
                "answer=DENY".getBytes(StandardCharsets.UTF_8)).body()).contains("not valid");
        assertThat(TableSnapshot.of(server.server().database().dsl())).as("refused answers change nothing").isEqualTo(before);
        assertThat(answer(server, url, wrong).statusCode()).isEqualTo(204);
        flow.proveCode(null);
        assertThat(flow.last.path("notice").asText()).isEqualTo("WRONG_NUMBER");
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");

        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":31}");
        flow.post("/reset/flows/resend", flow.withTicket());
        JsonNode again = read(newest(server, "PUSH").path("body").asText());
        assertThat(answer(server, again.path("answerUrl").asText(), "deny").statusCode()).isEqualTo(204);
        flow.proveCode(null);
        assertThat(flow.last.path("notice").asText()).isEqualTo("NOTIFICATION_DENIED");

        String audit = server.get("/api/v1/audit?size=200", TestAdmins.signIn(server,
                org.opensspr.directory.Role.REPORTS_READER)).body();
        assertThat(audit).contains("WRONG_NUMBER", "NOTIFICATION_DENIED");
    }

    @OnBothDatabases
    void theAnswerPageOffersTheThreeNumbersAndDeny(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = new FlowClient(server);
        flow.post("/reset/flows", read("{\"intent\":\"RESET_PASSWORD\",\"locale\":\"es\"}").deepCopy());
        flow.identify(PAT);
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        JsonNode notice = read(newest(server, "PUSH").path("body").asText());
        String path = URI.create(notice.path("answerUrl").asText()).getPath();

        HttpResponse<String> page = server.get(path, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"es\"", "Denegar");
        for (JsonNode choice : notice.path("choices")) {
            assertThat(page.body()).contains("value=\"" + choice.asText() + "\"");
        }
        assertThat(page.body()).contains("action=\"" + path + "/form\"").doesNotContain("<script");

        HttpResponse<String> denied = server.send("POST", path + "/form", null, "application/x-www-form-urlencoded",
                "answer=DENY".getBytes(StandardCharsets.UTF_8));
        assertThat(denied.statusCode()).isEqualTo(200);
        assertThat(denied.body()).contains("Gracias");
        flow.proveCode(null);
        assertThat(flow.last.path("notice").asText()).isEqualTo("NOTIFICATION_DENIED");
        assertThat(server.get(path, null).body()).contains("ya se respondió");
        assertThat(server.get(path.substring(0, path.length() - 2) + "00", null).body()).contains("not valid");
    }

    @OnBothDatabases
    void anUnansweredNotificationExpiresWithoutCountingAsAFailure(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        JsonNode late = read(newest(server, "PUSH").path("body").asText());
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":121}");
        flow.proveCode(null);
        assertThat(flow.last.path("notice").asText()).isEqualTo("NOTIFICATION_EXPIRED");
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        assertThat(answer(server, late.path("answerUrl").asText(), "DENY").statusCode()).as("expired").isEqualTo(410);
        flow.post("/reset/flows/resend", flow.withTicket());
        assertThat(flow.last.path("notice").asText()).isEqualTo("CODE_SENT_AGAIN");
        assertThat(flow.last.path("challenge").path("matchNumber").asInt()).isBetween(10, 99);
    }

    @OnBothDatabases
    void aPhoneIsTheSecondGateAfterTheAppsCode(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_APP_CODE", null);
        flow.proveCode(org.opensspr.server.auth.Oathtool.totp(TOTP_SECRET, server.server().clock().instant()));
        assertThat(flow.last.path("step").path("gate").asInt()).isEqualTo(2);
        assertThat(flow.last.path("step").path("options").toString())
                .contains("MOBILE_PHONE", "OFFICE_PHONE").doesNotContain("MOBILE_APP_NOTIFICATION");
        choose(flow, "OFFICE_PHONE", null);
        flow.proveCode(flow.codeFromSpoken(newest(server, "VOICE").path("body").asText()));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void aCalledCodeExpiresAfterFiveMinutes(InProcessServer server) {
        policy(server, 1);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_PHONE", "CALL");
        String code = flow.codeFromSpoken(newest(server, "VOICE").path("body").asText());
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":301}");
        flow.proveCode(code);
        assertThat(flow.last.path("notice").asText()).isEqualTo("CODE_EXPIRED");
        flow.post("/reset/flows/resend", flow.withTicket());
        flow.proveCode(flow.codeFromSpoken(newest(server, "VOICE").path("body").asText()));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void theNotificationIsTheSecondGateAfterAnEmailedCode(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "EMAIL", null);
        flow.proveCode(flow.codeSentTo("pat@private.example"));
        assertThat(flow.last.path("step").path("gate").asInt()).isEqualTo(2);
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        int match = flow.last.path("challenge").path("matchNumber").asInt();
        JsonNode notice = read(newest(server, "PUSH").path("body").asText());
        assertThat(answer(server, notice.path("answerUrl").asText(), String.valueOf(match)).statusCode()).isEqualTo(204);
        flow.proveCode(null);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        flow.password(NEW_PASSWORD);
        assertThat(flow.step()).isEqualTo("COMPLETED");
    }

    @OnBothDatabases
    void iCantUseMyAppNowGoesBackToTheChoice(InProcessServer server) {
        policy(server, 2);
        pat(server);
        FlowClient flow = started(server);
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        flow.post("/reset/flows/back", flow.withTicket());
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        assertThat(flow.last.path("step").path("gate").asInt()).isEqualTo(1);
        choose(flow, "EMAIL", null);
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
    }

    static FlowClient started(InProcessServer server) {
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(PAT);
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        return flow;
    }

    static void choose(FlowClient flow, String method, String delivery) {
        ObjectNode body = flow.withTicket().put("method", method);
        if (delivery != null) {
            body.put("delivery", delivery);
        }
        flow.post("/reset/flows/method", body);
    }

    static JsonNode newest(InProcessServer server, String channel) {
        for (JsonNode message : read(server.get("/api/v1/test/outbox?limit=1000", null).body())) {
            if (message.path("channel").asText().equals(channel)) {
                return message;
            }
        }
        throw new AssertionError("Nothing was queued on " + channel);
    }

    static String code(JsonNode message) {
        Matcher m = Pattern.compile("\\b(\\d{8})\\b").matcher(message.path("body").asText());
        assertThat(m.find()).as("a code in %s", message.path("body").asText()).isTrue();
        return m.group(1);
    }

    static HttpResponse<String> answer(InProcessServer server, String url, String answer) {
        return server.json("POST", URI.create(url).getPath(), null, "{\"answer\":\"" + answer + "\"}");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
