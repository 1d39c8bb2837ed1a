package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.Json;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.server.crypto.HashingCapacity;
import org.opensspr.server.db.TestDatabases;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 28 through the API: with every hashing slot taken, a hashing route answers BUSY with Retry-After and has
 * done nothing (every table as it was; the ticket still good), cheap routes still answer, and the kiosk's client
 * sends a BUSY call again until there is room.
 */
class HashingBusyTest {

    @Test
    void aBusyNewPasswordChangesNothingAndTheSameTicketWorksOnceThereIsRoom() throws Exception {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);
            FlowClient flow = new FlowClient(server);
            flow.start("RESET_PASSWORD");
            flow.identify(ResetFlowApiTest.ANN);
            flow.choose("EMAIL");
            flow.proveCode(flow.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE));
            assertThat(flow.step()).isEqualTo("SET_NEW_PASSWORD");

            HttpResponse<String> busy;
            Map<String, String> before;
            Map<String, String> after;
            try (HashingSlots taken = HashingSlots.takeAll(server.server().hashingCapacity())) {
                before = TableSnapshot.of(server.server().database().dsl());
                busy = server.json("POST", "/api/v1/reset/flows/password", null,
                        "{\"ticket\":\"" + flow.ticket + "\",\"newPassword\":\"" + ResetFlowApiTest.NEW_PASSWORD + "\"}");
                after = TableSnapshot.of(server.server().database().dsl());
                assertThat(server.get("/api/v1/health", null).statusCode()).as("a cheap call meanwhile").isEqualTo(200);
            }

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(Json.newMapper().readTree(busy.body()).path("code").asText()).isEqualTo("BUSY");
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(after).as("nothing written").isEqualTo(before);
            assertThat(server.server().hashingCapacity().turnedAway()).isEqualTo(1);

            JsonNode done = flow.password(ResetFlowApiTest.NEW_PASSWORD);
            assertThat(flow.lastStatus).as(done.toString()).isEqualTo(200);
            assertThat(done.path("step").path("completion").asText()).isEqualTo("PASSWORD_RESET");
        }
    }

    /** A proof hashes only for security answers: a code's proof neither waits for nor is refused by the hashes. */
    @Test
    void withEverySlotTakenACodeIsProvedWhileAnswersAreTurnedAwayHavingChangedNothing() throws Exception {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);
            FlowClient byCode = ResetFlowApiTest.resetting(server, ResetFlowApiTest.ANN);
            byCode.choose("EMAIL");
            String code = byCode.codeSentTo(ResetFlowApiTest.ANN_ALTERNATE);
            FlowClient byAnswers = ResetFlowApiTest.resetting(server, ResetFlowApiTest.ANN);
            byAnswers.choose("SECURITY_QUESTIONS");
            Map<String, String> wrong = new java.util.HashMap<>();
            byAnswers.last.path("challenge").path("questions").forEach(q -> wrong.put(q.path("id").asText(), "no"));

            HttpResponse<String> busy;
            Map<String, String> before;
            Map<String, String> after;
            try (HashingSlots taken = HashingSlots.takeAll(server.server().hashingCapacity())) {
                before = TableSnapshot.of(server.server().database().dsl());
                busy = server.json("POST", "/api/v1/reset/flows/prove", null, Json.newMapper().writeValueAsString(
                        Map.of("ticket", byAnswers.ticket, "answers", wrong)));
                after = TableSnapshot.of(server.server().database().dsl());
                byCode.proveCode(code);
            }

            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(Json.newMapper().readTree(busy.body()).path("code").asText()).isEqualTo("BUSY");
            assertThat(after).as("no attempt counted, nothing held").isEqualTo(before);
            assertThat(byCode.lastStatus).as(byCode.last.toString()).isEqualTo(200);
            assertThat(byCode.step()).as("the code proved while every slot was taken").isEqualTo("SET_NEW_PASSWORD");
            assertThat(server.server().hashingCapacity().turnedAway()).isEqualTo(1);

            byAnswers.answer(wrong);
            assertThat(byAnswers.lastStatus).as("the same ticket, once there is room").isEqualTo(200);
            assertThat(byAnswers.last.path("notice").asText()).isEqualTo("WRONG_ANSWERS");
        }
    }

    @Test
    void theClientSendsABusyCallAgainUntilThereIsRoom() throws Exception {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build();
             ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor()) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);
            HashingCapacity capacity = server.server().hashingCapacity();
            Future<UserSignInResultDto> signIn;
            try (HashingSlots taken = HashingSlots.takeAll(capacity)) {
                signIn = caller.submit(() -> kiosk.signInUser(
                        new UserSignInRequest(ResetFlowApiTest.ANN, ResetFlowApiTest.PASSWORD)));
                while (capacity.turnedAway() == 0 && !signIn.isDone()) {
                    Thread.sleep(10); // the client's first call, refused; it waits a second before the next
                }
            }

            assertThat(signIn.get().outcome()).isEqualTo(UserSignInResultDto.Outcome.SIGNED_IN);
            assertThat(capacity.turnedAway()).as("refused while full, then let in").isGreaterThanOrEqualTo(1);
        }
    }
}
