package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.RegistrationPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.testing.OnBothDatabases;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering a mobile or office phone at the lock screen: the number is read, texted or called, and counts once its code comes back. */
class PhoneRegistrationApiTest {
    static final String PASSWORD = "Quartz-Meadow-Falcon-17";

    private static void policy(InProcessServer server) {
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all())
                .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE,
                        AuthMethod.MOBILE_PHONE, AuthMethod.OFFICE_PHONE), 1, 1, SecurityQuestionsPolicy.defaults()))
                .withRegistration(new RegistrationPolicy(true, 0)), "test");
    }

    private static JsonNode startPhone(SecurityInfoClient kiosk, String kind, String number, String extension,
                                       String delivery) {
        ObjectNode body = kiosk.withSession().put("kind", kind).put("number", number);
        if (extension != null) {
            body.put("extension", extension);
        }
        if (delivery != null) {
            body.put("delivery", delivery);
        }
        return kiosk.call("/phone/start", body);
    }

    @OnBothDatabases
    void aMobileNumberCountsOnceTheTextedCodeComesBack(InProcessServer server) {
        policy(server);
        TestPeople.cloudUser(server, "cy@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        assertThat(kiosk.signIn("cy@contoso.example", PASSWORD)).isEqualTo("REGISTER");

        startPhone(kiosk, "MOBILE_PHONE", "044 668 18 00", null, null);
        assertThat(kiosk.lastStatus).as("no + and no default region").isEqualTo(400);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("message").getFirst()).contains("country code");
        startPhone(kiosk, "MOBILE_PHONE", "+41 44 668 18 00", null, null);
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("message").getFirst()).contains("not a mobile number");
        startPhone(kiosk, "MOBILE_PHONE", "+41 79 12", null, null);
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("field")).containsExactly("number");

        JsonNode sent = startPhone(kiosk, "MOBILE_PHONE", "+41 79 123 45 67", null, "TEXT");
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(sent.path("destination").asText()).isEqualTo("+41 ••• ••• 67");
        String code = PhoneAndNotificationApiTest.code(PhoneAndNotificationApiTest.newest(server, "SMS"));
        kiosk.call("/phone/verify", kiosk.withSession().put("code", code.equals("00000000") ? "11111111" : "00000000"));
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.registeredKinds(kiosk.view())).isEmpty();

        JsonNode done = kiosk.call("/phone/verify", kiosk.withSession().put("code", code));
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(done.path("registered").get(0).path("kind").asText()).isEqualTo("MOBILE_PHONE");
        assertThat(done.path("prompt").asText()).isEqualTo("NONE");
        assertThat(server.server().directory().loadUserByUpn("cy@contoso.example").orElseThrow().contact()
                .mobilePhone()).isEqualTo("+41 79 123 45 67");
    }

    @OnBothDatabases
    void aLocalNumberIsReadInThePolicysDefaultCountry(InProcessServer server) {
        policy(server);
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy().withMethods(
                policies.currentPolicy().methods().withPhoneRegion("CH")), "test");
        TestPeople.cloudUser(server, "gil@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("gil@contoso.example", PASSWORD);
        JsonNode called = startPhone(kiosk, "OFFICE_PHONE", "044 668 18 00", null, null);
        assertThat(kiosk.lastStatus).isEqualTo(200);
        assertThat(called.path("destination").asText()).isEqualTo("+41 ••• ••• 00");
        assertThat(PhoneAndNotificationApiTest.newest(server, "VOICE").path("recipient").asText()).isEqualTo("+41446681800");
    }

    @OnBothDatabases
    void anOfficePhoneIsCalledAtItsExtensionAndThenResetsThePassword(InProcessServer server) {
        policy(server);
        TestPeople.cloudUser(server, "dee@contoso.example", PASSWORD, false);
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("dee@contoso.example", PASSWORD);
        startPhone(kiosk, "OFFICE_PHONE", "+1 206 555 0142", "123", "TEXT");
        assertThat(kiosk.lastStatus).isEqualTo(400);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("field")).containsExactly("delivery");
        startPhone(kiosk, "OFFICE_PHONE", "+1 206 555 0142", "12a", null);
        assertThat(kiosk.last.path("fieldErrors").findValuesAsText("field")).containsExactly("extension");

        JsonNode called = startPhone(kiosk, "OFFICE_PHONE", "+1 206 555 0142", "123", null);
        assertThat(called.path("delivery").asText()).isEqualTo("CALL");
        assertThat(called.path("destination").asText()).isEqualTo("+1 ••• ••• 42 ext. 123");
        JsonNode call = PhoneAndNotificationApiTest.newest(server, "VOICE");
        assertThat(call.path("recipient").asText()).isEqualTo("+12065550142;ext=123");
        FlowClient reader = new FlowClient(server);
        kiosk.call("/phone/verify", kiosk.withSession().put("code", reader.codeFromSpoken(call.path("body").asText())));
        assertThat(kiosk.lastStatus).isEqualTo(200);

        // What was registered is what the reset uses.
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify("dee@contoso.example");
        assertThat(flow.last.path("step").path("options").toString()).contains("OFFICE_PHONE");
        PhoneAndNotificationApiTest.choose(flow, "OFFICE_PHONE", null);
        assertThat(flow.last.path("challenge").path("destination").asText()).isEqualTo("+1 ••• ••• 42 ext. 123");
        flow.proveCode(flow.codeFromSpoken(PhoneAndNotificationApiTest.newest(server, "VOICE").path("body").asText()));
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void withAPhoneOnFileChangesWaitForThatPhoneProvenAgain(InProcessServer server) {
        policy(server);
        var eli = TestPeople.cloudUser(server, "eli@contoso.example", PASSWORD, false);
        server.server().directory().updateContact(org.opensspr.server.directory.DirectoryActor.system("test"), eli.id(),
                new org.opensspr.api.ContactUpdateRequest("", "+41 79 123 45 67", ""));
        SecurityInfoClient kiosk = new SecurityInfoClient(server);
        kiosk.signIn("eli@contoso.example", PASSWORD);
        kiosk.startEmail("eli.home@private.example");
        assertThat(kiosk.lastStatus).as("the password alone changes nothing").isEqualTo(403);

        ObjectNode byCall = kiosk.withSession().put("kind", "MOBILE_PHONE").put("delivery", "CALL");
        JsonNode calling = kiosk.call("/proof/start", byCall);
        assertThat(calling.path("delivery").asText()).isEqualTo("CALL");
        JsonNode call = PhoneAndNotificationApiTest.newest(server, "VOICE");
        assertThat(call.path("recipient").asText()).isEqualTo("+41791234567");
        kiosk.proveCode("MOBILE_PHONE", new FlowClient(server).codeFromSpoken(call.path("body").asText()));
        assertThat(kiosk.lastStatus).isEqualTo(200);
        kiosk.startEmail("eli.home@private.example");
        assertThat(kiosk.lastStatus).isEqualTo(200);
    }
}
