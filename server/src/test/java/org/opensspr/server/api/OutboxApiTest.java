package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.SmtpSettings;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** {@code GET /outbox}: the embedded default's messages as recipients get them, for Global Administrators only. */
class OutboxApiTest {

    /** A code mailed by a reset flow, then the notices of a reset by a Global Administrator. */
    private static String codeThenNotices(InProcessServer server, String admin) {
        ResetFlowApiTest.policy(server, 1);
        String ann = ResetFlowApiTest.ann(server).id();
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        flow.identify(ResetFlowApiTest.ANN);
        flow.choose("EMAIL");
        String code = PhoneAndNotificationApiTest.code(PhoneAndNotificationApiTest.newest(server, "EMAIL"));
        assertThat(server.json("POST", "/api/v1/users/" + ann + "/password", admin, "{}").statusCode()).isEqualTo(200);
        return code;
    }

    private static JsonNode page(InProcessServer server, String token, String query) {
        HttpResponse<String> response = server.get("/api/v1/outbox" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PhoneAndNotificationApiTest.read(response.body());
    }

    private static List<Long> ids(JsonNode messages) {
        List<Long> ids = new ArrayList<>();
        messages.forEach(m -> ids.add(m.path("id").asLong()));
        return ids;
    }

    @OnBothDatabases
    void newestFirstAPageAtATimeAsTheRecipientReadsIt(InProcessServer server) {
        String global = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
        String code = codeThenNotices(server, global);
        List<Long> queued = ids(PhoneAndNotificationApiTest.read(server.get("/api/v1/test/outbox?limit=1000", null).body()));
        assertThat(queued).as("a code and at least one notice").hasSizeGreaterThanOrEqualTo(2);

        List<Long> paged = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = page(server, global, "?page=" + page + "&size=1");
            assertThat(answer.path("total").asLong()).isEqualTo(queued.size());
            if (answer.path("items").isEmpty()) {
                break;
            }
            assertThat(answer.path("items")).hasSize(1);
            paged.addAll(ids(answer.path("items")));
        }
        assertThat(paged).as("every message once, newest first").isEqualTo(queued.stream().sorted((a, b) -> Long.compare(b, a)).toList());

        JsonNode all = page(server, global, "?size=100").path("items");
        JsonNode notice = all.get(0);
        assertThat(notice.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(notice.path("subject").asText()).isNotBlank();
        JsonNode mailedCode = all.get(all.size() - 1);
        assertThat(mailedCode.path("recipient").asText()).isEqualTo(ResetFlowApiTest.ANN_ALTERNATE);
        assertThat(mailedCode.path("body").asText()).as("the sealed code, opened as the user reads it").contains(code);

        assertThat(server.server().database().dsl().select(AUDIT_EVENT.ACTOR, AUDIT_EVENT.DETAILS).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTIVITY.eq("Administrator read the outbox")).fetch())
                .as("each read is audited, no code in it").hasSize(paged.size() + 2)
                .allSatisfy(r -> assertThat(r.value2()).doesNotContain(code));
    }

    @OnBothDatabases
    void onlyGlobalAdministratorsReadIt(InProcessServer server) {
        for (Role role : EnumSet.complementOf(EnumSet.of(Role.GLOBAL_ADMINISTRATOR))) {
            HttpResponse<String> refused = server.get("/api/v1/outbox", TestAdmins.signIn(server, role));
            assertThat(refused.statusCode()).as(role.name()).isEqualTo(403);
            assertThat(PhoneAndNotificationApiTest.read(refused.body()).path("code").asText()).isEqualTo("FORBIDDEN");
        }
        assertThat(server.get("/api/v1/outbox", null).statusCode()).isEqualTo(401);
        assertThat(server.server().database().dsl().fetchCount(AUDIT_EVENT,
                AUDIT_EVENT.ACTIVITY.eq("Administrator read the outbox"))).as("a refusal reads nothing").isZero();
    }

    @OnBothDatabases
    void eachPageCostsABoundedRead(InProcessServer server) {
        String global = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
        assertThat(server.get("/api/v1/outbox?size=101", global).statusCode()).isEqualTo(400);
        assertThat(server.get("/api/v1/outbox?size=50&page=201", global).statusCode()).as("beyond the newest 10,000")
                .isEqualTo(400);
        JsonNode empty = page(server, global, "?size=50&page=200");
        assertThat(empty.path("items")).isEmpty();
    }

    @OnBothDatabases
    void aServerThatSendsThroughSmtpShowsNoOutbox(TestDatabases kind) {
        // Nothing listens there: the server only has to know it sends through a relay.
        SmtpSettings relay = SmtpSettings.of("127.0.0.1", 9, SmtpSettings.Security.NONE, null, null,
                new org.opensspr.server.delivery.MailFrom("sspr@contoso.example", "Contoso password reset"));
        try (InProcessServer server = InProcessServer.start(kind, relay)) {
            HttpResponse<String> refused = server.get("/api/v1/outbox", TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR));
            assertThat(refused.statusCode()).isEqualTo(409);
            JsonNode error = PhoneAndNotificationApiTest.read(refused.body());
            assertThat(error.path("code").asText()).isEqualTo("CONFLICT");
            assertThat(error.path("message").asText()).contains("through SMTP").contains("outbox is not shown");
        }
    }
}
