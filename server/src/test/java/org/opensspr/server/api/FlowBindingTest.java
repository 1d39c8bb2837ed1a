package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.testing.SharedServer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow answers only the kiosk that started it (docs/design.md §13): its ticket, used with another
 * kiosk's credential, with none, or — for a lock screen without enrollment — from another address, is an
 * unknown ticket, and nothing changes: no code spent, no attempt counted, the ticket still good at home.
 */
@SharedServer
class FlowBindingTest {
    private static final InetAddress ELSEWHERE = loopback("127.0.0.2");

    private static InProcessServer server;
    private static String reception;
    private static String lobby;
    private static int users;

    @BeforeAll
    static void enrollTwoKiosks() {
        ResetFlowApiTest.policy(server, 1);
        reception = enroll("Reception");
        lobby = enroll("Lobby");
    }

    @Test
    void anEnrolledKiosksFlowIsUnknownToAnotherKioskAndToACallerWithoutCredential() {
        AtTheProof at = atTheProof(reception);
        FlowClient flow = at.flow();
        Map<String, String> before = snapshot();

        for (String other : new String[]{lobby, null}) {
            flow.kioskCredential = other;
            JsonNode refused = flow.proveCode(at.code());

            assertThat(flow.lastStatus).as("with %s", other == null ? "no credential" : "the lobby's").isEqualTo(404);
            assertThat(refused.path("code").asText()).isEqualTo("NOT_FOUND");
        }
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);

        flow.kioskCredential = reception;
        flow.from = ELSEWHERE;
        flow.proveCode(at.code());
        assertThat(flow.lastStatus).as("the reception kiosk, from a new address").isEqualTo(200);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @Test
    void aFlowStartedWithoutCredentialAnswersOnlyItsAddressWithoutCredential() {
        AtTheProof at = atTheProof(null);
        FlowClient flow = at.flow();
        Map<String, String> before = snapshot();

        flow.from = ELSEWHERE;
        flow.proveCode(at.code());
        assertThat(flow.lastStatus).as("from another address").isEqualTo(404);
        flow.post("/reset/flows/abandon", flow.withTicket());
        assertThat(flow.lastStatus).as("abandoned from another address").isEqualTo(404);
        flow.from = null;
        flow.kioskCredential = reception;
        flow.proveCode(at.code());
        assertThat(flow.lastStatus).as("an enrolled kiosk at the same address").isEqualTo(404);
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);

        flow.kioskCredential = null;
        flow.proveCode(at.code());
        assertThat(flow.lastStatus).as("from where it started").isEqualTo(200);
        assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");
    }

    @Test
    void everyStepAndTheCompletionRefuseAForeignCaller() {
        FlowClient flow = new FlowClient(server, reception);
        flow.start("RESET_PASSWORD");
        String[][] steps = {
                {"/reset/flows/captcha", "{}"},
                {"/reset/flows/identify", "{\"userId\":\"x@contoso.example\",\"captchaId\":\"c\",\"captchaAnswer\":\"A\"}"},
                {"/reset/flows/method", "{\"method\":\"EMAIL\"}"},
                {"/reset/flows/prove", "{\"code\":\"12345678\"}"},
                {"/reset/flows/resend", "{}"},
                {"/reset/flows/password", "{\"newPassword\":\"Lantern-Orbit-Kettle-58\"}"},
                {"/reset/flows/unlock", "{}"},
                {"/reset/flows/abandon", "{}"}};
        Map<String, String> before = snapshot();

        for (String[] step : steps) {
            String body = step[1].replaceFirst("\\{", "{\"ticket\":\"" + flow.ticket + "\"" + (step[1].equals("{}") ? "" : ","));
            int status = server.send("POST", "/api/v1" + step[0], lobby, "application/json",
                    body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode();
            assertThat(status).as(step[0]).isEqualTo(404);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    private record AtTheProof(FlowClient flow, String code) {
    }

    /** A fresh user's flow, started as {@code credential} (or none), through identify to the emailed code. */
    private static AtTheProof atTheProof(String credential) {
        int n = ++users;
        UserDetailDto user = TestPeople.cloudUser(server, "bound" + n + "@contoso.example", ResetFlowApiTest.PASSWORD,
                false);
        server.server().directory().updateContact(DirectoryActor.system("test"), user.id(),
                new ContactUpdateRequest("bound" + n + "@private.example", "", ""));
        FlowClient flow = new FlowClient(server, credential);
        flow.start("RESET_PASSWORD");
        flow.identify("bound" + n + "@contoso.example");
        flow.choose("EMAIL");
        assertThat(flow.step()).isEqualTo("PROVE_IDENTITY");
        return new AtTheProof(flow, flow.codeSentTo("bound" + n + "@private.example"));
    }

    /**
     * Every table; of the outbox only how many messages it holds, as its delivery worker marks messages sent
     * on its own time.
     */
    private static Map<String, String> snapshot() {
        Map<String, String> tables = new java.util.TreeMap<>(TableSnapshot.of(server.server().database().dsl()));
        tables.put("outbox_message", String.valueOf(server.server().database().dsl().fetchCount(
                org.opensspr.server.db.Tables.OUTBOX_MESSAGE)));
        return tables;
    }

    private static String enroll(String name) {
        String code = server.server().kiosks().createEnrollment(name, "test").code();
        return server.server().kiosks().enroll(new KioskEnrollRequest(code, name.toLowerCase()), "127.0.0.1").credential();
    }

    private static InetAddress loopback(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
