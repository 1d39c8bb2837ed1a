package org.opensspr.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opensspr.api.UserDetailDto;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.THROTTLE_EVENT;

/**
 * A proof costs what the policy asks, not what the request holds, and the five-attempts rule holds
 * however many proofs arrive at once, from however many flows.
 */
class BoundedProofTest {

    @OnBothDatabases
    void moreAnswersThanAnyPolicyAsksAreRefusedBeforeAnythingIsRead(InProcessServer server) {
        ResetFlowApiTest.policy(server, 1);
        ResetFlowApiTest.ann(server);
        FlowClient flow = ResetFlowApiTest.resetting(server, ResetFlowApiTest.ANN);
        flow.choose("SECURITY_QUESTIONS");
        int eventsBefore = server.server().database().dsl().fetchCount(THROTTLE_EVENT);

        for (int count : List.of(6, 3_000)) {
            Map<String, String> many = new HashMap<>();
            for (int i = 0; i < count; i++) {
                many.put("QUESTION_" + i, "answer " + i);
            }
            HttpResponse<String> answer = prove(server, flow.ticket, many);
            assertThat(answer.statusCode()).as(answer.body()).isIn(400, 413);
        }
        Map<String, String> longAnswer = new HashMap<>();
        flow.last.path("challenge").path("questions").forEach(q -> longAnswer.put(q.path("id").asText(), "x".repeat(201)));
        assertThat(prove(server, flow.ticket, longAnswer).statusCode()).isEqualTo(400);

        assertThat(server.server().database().dsl().fetchCount(THROTTLE_EVENT)).as("nothing counted")
                .isEqualTo(eventsBefore);
        Map<String, String> right = new HashMap<>();
        flow.last.path("challenge").path("questions").forEach(q ->
                right.put(q.path("id").asText(), ResetFlowApiTest.ANSWERS.get(q.path("id").asText())));
        flow.answer(right);
        assertThat(flow.step()).as("the ticket still works").isEqualTo("SET_NEW_PASSWORD");
    }

    @OnBothDatabases
    void eightWrongAnswersAtOnceFromEightFlowsCountFiveAndBlock(InProcessServer server) throws Exception {
        ResetFlowApiTest.policy(server, 1);
        UserDetailDto ann = ResetFlowApiTest.ann(server);
        List<FlowClient> flows = eightFlowsAt(server, "SECURITY_QUESTIONS");

        List<HttpResponse<String>> answers = AllAtOnce.run(flows, flow -> {
            Map<String, String> wrong = new HashMap<>();
            flow.last.path("challenge").path("questions").forEach(q -> wrong.put(q.path("id").asText(), "not it"));
            return prove(server, flow.ticket, wrong);
        });

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(server.server().database().dsl().fetchCount(THROTTLE_EVENT,
                THROTTLE_EVENT.SUBJECT_KEY.eq("user:" + ann.id()).and(THROTTLE_EVENT.FAILED_PROOF.isTrue())))
                .as("failed proofs counted").isEqualTo(5);
        List<HttpResponse<String>> checked = answers.stream()
                .filter(a -> a.body().contains("\"WRONG_ANSWERS\"")).toList();
        assertThat(checked).as("answers checked").hasSize(5);
        assertThat(answers).filteredOn(a -> !checked.contains(a))
                .allSatisfy(a -> assertThat(a.body()).contains("\"BLOCKED\""));
    }

    @OnBothDatabases
    void eightWrongCodesAtOnceFromEightFlowsCountFive(InProcessServer server) throws Exception {
        ResetFlowApiTest.policy(server, 1);
        UserDetailDto ann = ResetFlowApiTest.ann(server);
        List<FlowClient> flows = eightFlowsAt(server, "MOBILE_APP_CODE");

        AllAtOnce.run(flows, flow -> server.json("POST", "/api/v1/reset/flows/prove", null,
                JsonNodeFactory.instance.objectNode().put("ticket", flow.ticket).put("code", "000000").toString()));

        assertThat(server.server().database().dsl().fetchCount(THROTTLE_EVENT,
                THROTTLE_EVENT.SUBJECT_KEY.eq("user:" + ann.id()).and(THROTTLE_EVENT.FAILED_PROOF.isTrue())))
                .as("code guesses counted").isEqualTo(5);
    }

    private static HttpResponse<String> prove(InProcessServer server, String ticket, Map<String, String> answers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ticket", ticket);
        ObjectNode node = body.putObject("answers");
        answers.forEach(node::put);
        return server.json("POST", "/api/v1/reset/flows/prove", null, body.toString());
    }

    /** Eight flows of Ann, each at the gate of {@code method}. */
    private static List<FlowClient> eightFlowsAt(InProcessServer server, String method) {
        List<FlowClient> flows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            FlowClient flow = ResetFlowApiTest.resetting(server, ResetFlowApiTest.ANN);
            flow.choose(method);
            flows.add(flow);
        }
        return flows;
    }
}
