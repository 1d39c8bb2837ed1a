package org.opensspr.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.opensspr.server.captcha.CaptchaService;
import org.opensspr.server.testing.OnBothDatabases;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.RESET_FLOW;

/**
 * A captcha answers only in the flow it was drawn for, only while it is the flow's newest, and a flow
 * draws at most {@link CaptchaService#MAX_PER_FLOW}. (Test mode accepts the fixed answer for any captcha,
 * so what is refused here is refused for where the captcha comes from, not for its answer.)
 */
class CaptchaBindingTest {

    @OnBothDatabases
    void aCaptchaWorksOnlyInItsOwnFlowAndOnlyWhileItIsTheNewest(InProcessServer server) {
        ResetFlowApiTest.policy(server, 1);
        ResetFlowApiTest.ann(server);
        FlowClient mine = new FlowClient(server);
        mine.start("RESET_PASSWORD");
        FlowClient other = new FlowClient(server);
        other.start("RESET_PASSWORD");

        identify(server, mine, other.last.path("captcha").path("captchaId").asText());
        assertThat(mine.last.path("notice").asText()).as("another flow's captcha").isEqualTo("WRONG_CAPTCHA");

        String shown = mine.last.path("captcha").path("captchaId").asText();
        mine.post("/reset/flows/captcha", mine.withTicket());
        assertThat(mine.last.path("captcha").path("captchaId").asText()).isNotEqualTo(shown);
        identify(server, mine, shown);
        assertThat(mine.last.path("notice").asText()).as("a captcha replaced by a newer one").isEqualTo("WRONG_CAPTCHA");

        identify(server, mine, mine.last.path("captcha").path("captchaId").asText());
        assertThat(mine.step()).isEqualTo("CHOOSE_METHOD");
    }

    @OnBothDatabases
    void aFlowDrawsOnlySoManyCaptchas(InProcessServer server) {
        FlowClient flow = new FlowClient(server);
        flow.start("RESET_PASSWORD");
        for (int drawn = 1; drawn < CaptchaService.MAX_PER_FLOW; drawn++) {
            flow.post("/reset/flows/captcha", flow.withTicket());
            assertThat(flow.lastStatus).as("draw %d", drawn + 1).isEqualTo(200);
        }
        String ticket = flow.ticket;
        flow.post("/reset/flows/captcha", flow.withTicket());

        assertThat(flow.lastStatus).isEqualTo(429);
        assertThat(flow.ticket).as("the refusal changed nothing").isEqualTo(ticket);
    }

    @OnBothDatabases
    void aLocaleLongerThanAnyLanguageTagIsRefusedBeforeAFlowStarts(InProcessServer server) {
        HttpResponse<String> answer = server.json("POST", "/api/v1/reset/flows", null, JsonNodeFactory.instance
                .objectNode().put("intent", "RESET_PASSWORD").put("locale", "en-" + "x".repeat(40)).toString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("locale");
        assertThat(server.server().database().dsl().fetchCount(RESET_FLOW)).isZero();
    }

    private static void identify(InProcessServer server, FlowClient flow, String captchaId) {
        flow.post("/reset/flows/identify", flow.withTicket().put("userId", ResetFlowApiTest.ANN)
                .put("captchaId", captchaId).put("captchaAnswer", "OPENSSPR"));
    }
}
