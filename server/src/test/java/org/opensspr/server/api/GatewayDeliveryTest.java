package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.gateway.Gateways;
import org.opensspr.server.delivery.gateway.NtfyPublisher;
import org.opensspr.server.delivery.gateway.TwilioGateway;
import org.opensspr.server.delivery.gateway.WebhookGateway;
import org.opensspr.server.directory.DirectoryActor;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.api.PhoneAndNotificationApiTest.choose;
import static org.opensspr.server.api.PhoneAndNotificationApiTest.read;

/**
 * Real HTTP round trips to the third-party services, played by MockWebServer speaking their documented
 * APIs: a Twilio-compatible REST API for texts and calls, a JSON webhook, and an ntfy server for app
 * notifications. The codes the kiosk types are the ones the gateways received.
 */
class GatewayDeliveryTest {
    private static final String SID = "AC0123456789abcdef";
    private static final String TOKEN = "twilio-secret-token";
    private static final String FROM = "+14155550100";
    private final MockWebServer twilio = new MockWebServer();
    private final MockWebServer ntfy = new MockWebServer();
    private final MockWebServer webhook = new MockWebServer();
    private InProcessServer server;

    @BeforeEach
    void startServices() throws IOException {
        twilio.start();
        ntfy.start();
        webhook.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        twilio.close();
        ntfy.close();
        webhook.close();
    }

    private InProcessServer withTwilioAndNtfy() {
        server = InProcessServer.start(TestDatabases.H2, null, null, new Gateways(
                new TwilioGateway.TwilioSettings(twilio.url("/"), SID, TOKEN, FROM, null, Duration.ofSeconds(5)), null,
                new NtfyPublisher.NtfySettings(ntfy.url("/"), "ntfy-token", Duration.ofSeconds(5)), null));
        return server;
    }

    @Test
    void aTextGoesThroughTheTwilioApiAndItsCodeResetsThePassword() throws Exception {
        withTwilioAndNtfy();
        pat(1);
        twilio.enqueue(new MockResponse.Builder().code(201).body("{\"sid\":\"SM1\",\"status\":\"queued\"}").build());
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        choose(flow, "MOBILE_PHONE", "TEXT");
        RecordedRequest sms = twilio.takeRequest(20, TimeUnit.SECONDS);
        assertThat(sms).isNotNull();
        assertThat(sms.getMethod()).isEqualTo("POST");
        assertThat(sms.getUrl().encodedPath()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(sms.getHeaders().get("Authorization")).isEqualTo(Credentials.basic(SID, TOKEN));
        Map<String, String> form = form(sms);
        assertThat(form).containsEntry("To", "+41791234567").containsEntry("From", FROM);
        flow.proveCode(eightDigits(form.get("Body")));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
        // A gateway took the text away: the outbox forgets its code.
        JsonNode row = PhoneAndNotificationApiTest.newest(server, "SMS");
        assertThat(row.path("status").asText()).isEqualTo("SENT");
        assertThat(row.path("body").asText()).isEmpty();
    }

    @Test
    void aCallToTheOfficePhoneReadsTheCodeAndDialsTheExtension() throws Exception {
        withTwilioAndNtfy();
        pat(1);
        twilio.enqueue(new MockResponse.Builder().code(201).body("{\"sid\":\"CA1\",\"status\":\"queued\"}").build());
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        choose(flow, "OFFICE_PHONE", null);
        RecordedRequest call = twilio.takeRequest(20, TimeUnit.SECONDS);
        assertThat(call.getUrl().encodedPath()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Calls.json");
        Map<String, String> form = form(call);
        assertThat(form).containsEntry("To", "+12065550142").containsEntry("SendDigits", "wwww123");
        String twiml = form.get("Twiml");
        assertThat(twiml).startsWith("<Response><Say language=\"en-US\">").endsWith("</Say></Response>");
        flow.proveCode(flow.codeFromSpoken(twiml.replaceAll("<[^>]+>", "").replace("en-US", "")));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @Test
    void aNotificationIsPublishedToTheUsersTopicAndItsButtonApproves() throws Exception {
        withTwilioAndNtfy();
        pat(2);
        ntfy.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"n1\"}").build());
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        int match = flow.last.path("challenge").path("matchNumber").asInt();
        RecordedRequest published = ntfy.takeRequest(20, TimeUnit.SECONDS);
        assertThat(published.getHeaders().get("Authorization")).isEqualTo("Bearer ntfy-token");
        JsonNode message = read(published.getBody().utf8());
        assertThat(message.path("topic").asText()).matches("opensspr-[0-9a-f]{32}");
        assertThat(message.path("actions")).hasSize(3);
        JsonNode button = null;
        for (JsonNode action : message.path("actions")) {
            assertThat(action.path("action").asText()).isEqualTo("http");
            assertThat(action.path("method").asText()).isEqualTo("POST");
            if (action.path("label").asText().equals(String.valueOf(match))) {
                button = action;
            }
        }
        assertThat(button).as("a button with the kiosk's number").isNotNull();
        // What the phone does when the button is tapped:
        var answered = server.json("POST", URI.create(button.path("url").asText()).getPath(), null,
                button.path("body").asText());
        assertThat(answered.statusCode()).isEqualTo(204);
        flow.proveCode(null);
        assertThat(flow.step()).isEqualTo("CHOOSE_METHOD");
        assertThat(flow.last.path("step").path("gate").asInt()).isEqualTo(2);
    }

    @Test
    void theAppsSetupNamesTheTopicItsNotificationsGoTo() throws Exception {
        withTwilioAndNtfy();
        PhoneAndNotificationApiTest.policy(server, 2);
        UserDetailDto fay = TestPeople.cloudUser(server, "fay@contoso.example", PhoneAndNotificationApiTest.PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("fay@contoso.example", PhoneAndNotificationApiTest.PASSWORD);
        JsonNode setup = kiosk.startAuthenticator();
        String topicUrl = setup.path("notificationTopicUrl").asText();
        assertThat(topicUrl).startsWith(ntfy.url("/") + "opensspr-");
        assertThat(setup.path("notificationQrCodePng").asText()).isNotEmpty();
        kiosk.verifyAuthenticator(org.opensspr.server.auth.Oathtool.totp(setup.path("secret").asText(),
                server.server().clock().instant()));
        assertThat(kiosk.lastStatus).isEqualTo(200);
        server.server().directory().updateContact(DirectoryActor.system("test"), fay.id(),
                new ContactUpdateRequest("", "+41 79 123 45 67", ""));

        ntfy.enqueue(new MockResponse.Builder().code(200).body("{\"id\":\"n2\"}").build());
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify("fay@contoso.example");
        choose(flow, "MOBILE_APP_NOTIFICATION", null);
        JsonNode published = read(ntfy.takeRequest(20, TimeUnit.SECONDS).getBody().utf8());
        assertThat(ntfy.url("/") + published.path("topic").asText()).isEqualTo(topicUrl);
    }

    @Test
    void aCarrierReportingATextUndeliveredFailsItAfterTheFactOnlyWhenSigned() throws Exception {
        String publicUrl = "https://sspr.example.com:8443";
        server = InProcessServer.start(TestDatabases.H2, null, null, new Gateways(
                new TwilioGateway.TwilioSettings(twilio.url("/"), SID, TOKEN, FROM, null, Duration.ofSeconds(5)), null,
                null, URI.create(publicUrl)));
        pat(1);
        twilio.enqueue(new MockResponse.Builder().code(201).body("{\"sid\":\"SM9\",\"status\":\"queued\"}").build());
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        choose(flow, "MOBILE_PHONE", "TEXT");
        String callback = form(twilio.takeRequest(20, TimeUnit.SECONDS)).get("StatusCallback");
        assertThat(callback).matches(Pattern.quote(publicUrl + "/api/v1/delivery/twilio/status?outbox=") + "\\d+");
        awaitStatus("SMS", "SENT");
        String path = URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery();
        String delivered = "MessageSid=SM9&MessageStatus=delivered";
        assertThat(report(path, delivered, twilioSignature(callback, Map.of("MessageSid", "SM9",
                "MessageStatus", "delivered"))).statusCode()).isEqualTo(204);
        assertThat(PhoneAndNotificationApiTest.newest(server, "SMS").path("status").asText()).isEqualTo("SENT");

        String lost = "MessageSid=SM9&MessageStatus=undelivered&ErrorCode=30003";
        assertThat(report(path, lost, "forged").statusCode()).isEqualTo(401);
        assertThat(PhoneAndNotificationApiTest.newest(server, "SMS").path("status").asText()).isEqualTo("SENT");
        assertThat(report(path, lost, twilioSignature(callback, Map.of("MessageSid", "SM9",
                "MessageStatus", "undelivered", "ErrorCode", "30003"))).statusCode()).isEqualTo(204);
        JsonNode row = PhoneAndNotificationApiTest.newest(server, "SMS");
        assertThat(row.path("status").asText()).isEqualTo("FAILED");
        assertThat(row.path("lastError").asText()).contains("undelivered", "30003");
        String audit = server.get("/api/v1/audit?size=200", TestAdmins.signIn(server, Role.REPORTS_READER)).body();
        assertThat(audit).contains("delivery failed", "+41 ••• ••• 67");
    }

    private java.net.http.HttpResponse<String> report(String path, String form, String signature) {
        return server.sendWithHeaders("POST", path, "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), Map.of("X-Twilio-Signature", signature));
    }

    /** Twilio's documented request signature, computed here independently of the server's. */
    private static String twilioSignature(String url, Map<String, String> fields) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(fields).forEach((k, v) -> data.append(k).append(v));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return java.util.Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRefusedTextFailsVisiblyAndAnOverloadedGatewayIsTriedAgain() throws Exception {
        withTwilioAndNtfy();
        pat(1);
        twilio.enqueue(new MockResponse.Builder().code(400)
                .body("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\"}").build());
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        choose(flow, "MOBILE_PHONE", "TEXT");
        assertThat(twilio.takeRequest(20, TimeUnit.SECONDS)).isNotNull();
        JsonNode failed = awaitStatus("SMS", "FAILED");
        assertThat(failed.path("lastError").asText()).contains("HTTP 400", "21211").doesNotContain(TOKEN);
        String audit = server.get("/api/v1/audit?size=200", TestAdmins.signIn(server, Role.REPORTS_READER)).body();
        assertThat(audit).contains("delivery failed", "+41 ••• ••• 67", "SMS message not delivered");

        twilio.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        server.json("POST", "/api/v1/test/clock", null, "{\"seconds\":31}");
        flow.post("/reset/flows/resend", flow.withTicket());
        assertThat(twilio.takeRequest(20, TimeUnit.SECONDS)).isNotNull();
        JsonNode retrying = awaitLastError("SMS", "HTTP 503");
        assertThat(retrying.path("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void withGatewaysButNoMailRelayEmailCountsForNoOne() {
        withTwilioAndNtfy();
        pat(1);
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        assertThat(flow.last.path("step").path("options").toString()).contains("MOBILE_PHONE", "OFFICE_PHONE")
                .doesNotContain("EMAIL");
        UserDetailDto emailOnly = TestPeople.cloudUser(server, "eve@contoso.example", PhoneAndNotificationApiTest.PASSWORD, false);
        server.server().directory().updateContact(DirectoryActor.system("test"), emailOnly.id(),
                new ContactUpdateRequest("eve@private.example", "", ""));
        JsonNode whatIf = read(server.get("/api/v1/policy/what-if?user=eve@contoso.example",
                TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR)).body());
        assertThat(whatIf.path("reason").asText()).isEqualTo("NOT_ENOUGH_METHODS_REGISTERED");
    }

    @Test
    void theWebhookReceivesTextsAsJsonWithItsToken() throws Exception {
        server = InProcessServer.start(TestDatabases.H2, null, null, new Gateways(null,
                new WebhookGateway.WebhookSettings(webhook.url("/sms"), "hook-token", Duration.ofSeconds(5)), null,
                null));
        pat(1);
        webhook.enqueue(new MockResponse.Builder().code(202).build());
        FlowClient flow = PhoneAndNotificationApiTest.started(server);
        choose(flow, "MOBILE_PHONE", "TEXT");
        RecordedRequest hook = webhook.takeRequest(20, TimeUnit.SECONDS);
        assertThat(hook.getUrl().encodedPath()).isEqualTo("/sms");
        assertThat(hook.getHeaders().get("Authorization")).isEqualTo("Bearer hook-token");
        JsonNode body = read(hook.getBody().utf8());
        assertThat(body.path("channel").asText()).isEqualTo("SMS");
        assertThat(body.path("to").asText()).isEqualTo("+41791234567");
        assertThat(body.path("id").asText()).startsWith("opensspr-");
        flow.proveCode(eightDigits(body.path("text").asText()));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    private void pat(int gates) {
        PhoneAndNotificationApiTest.policy(server, gates);
        PhoneAndNotificationApiTest.pat(server);
    }

    private JsonNode awaitStatus(String channel, String status) throws InterruptedException {
        return await(channel, row -> row.path("status").asText().equals(status));
    }

    private JsonNode awaitLastError(String channel, String error) throws InterruptedException {
        return await(channel, row -> row.path("lastError").asText().contains(error));
    }

    /** The delivery worker records the outcome right after the gateway answered; this waits for that write. */
    private JsonNode await(String channel, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode row = PhoneAndNotificationApiTest.newest(server, channel);
            if (done.test(row)) {
                return row;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The outbox row never got there: " + PhoneAndNotificationApiTest.newest(server, channel));
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String eightDigits(String text) {
        Matcher m = Pattern.compile("\\b(\\d{8})\\b").matcher(text);
        assertThat(m.find()).as("a code in %s", text).isTrue();
        return m.group(1);
    }
}
