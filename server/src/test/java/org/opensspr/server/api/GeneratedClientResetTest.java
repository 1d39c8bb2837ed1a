package org.opensspr.server.api;

import org.junit.jupiter.api.Test;
import org.opensspr.generated.ApiClient;
import org.opensspr.generated.ApiException;
import org.opensspr.generated.api.DefaultApi;
import org.opensspr.generated.model.ChooseMethod;
import org.opensspr.generated.model.ChooseMethodRequest;
import org.opensspr.generated.model.Completed;
import org.opensspr.generated.model.FlowResponse;
import org.opensspr.generated.model.IdentifyRequest;
import org.opensspr.generated.model.NewPasswordRequest;
import org.opensspr.generated.model.ProveIdentity;
import org.opensspr.generated.model.ProveRequest;
import org.opensspr.generated.model.SetNewPassword;
import org.opensspr.generated.model.StartFlowRequest;
import org.opensspr.generated.model.UserSignInRequest;
import org.opensspr.generated.model.UserSignInResultDto;
import org.opensspr.server.db.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.opensspr.server.api.ResetFlowApiTest.ANN;
import static org.opensspr.server.api.ResetFlowApiTest.ANN_ALTERNATE;
import static org.opensspr.server.api.ResetFlowApiTest.NEW_PASSWORD;

/**
 * A Java client generated at build time from the OpenAPI document alone (openapi-generator, see the
 * server's pom) walks a whole email-code reset against the real server. Each step is read through
 * the document's FlowStep discriminator: had the document named a step, a field or a status wrongly,
 * the generated code could not read the answer, or would read it as another step.
 */
class GeneratedClientResetTest {

    @Test
    void aGeneratedClientResetsAPasswordWithAnEmailedCode() throws ApiException {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2)) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);
            ApiClient client = new ApiClient();
            client.updateBaseUri(server.url());
            DefaultApi api = new DefaultApi(client);

            FlowResponse started = api.postResetFlows(new StartFlowRequest()
                    .intent(StartFlowRequest.IntentEnum.RESET_PASSWORD).locale("en-US"));
            assertThat(started.getStep().getIdentifyUser().getStep().getValue()).isEqualTo("IDENTIFY_USER");

            FlowResponse identified = api.postResetFlowsIdentify(new IdentifyRequest().ticket(started.getTicket())
                    .userId(ANN).captchaId(started.getCaptcha().getCaptchaId()).captchaAnswer("OPENSSPR"));
            ChooseMethod choose = identified.getStep().getChooseMethod();
            assertThat(choose.getGate()).isEqualTo(1);
            assertThat(choose.getOptions()).contains(ChooseMethod.OptionsEnum.EMAIL);

            FlowResponse chosen = api.postResetFlowsMethod(new ChooseMethodRequest().ticket(identified.getTicket())
                    .method(ChooseMethodRequest.MethodEnum.EMAIL));
            ProveIdentity prove = chosen.getStep().getProveIdentity();
            assertThat(prove.getMethod()).isEqualTo(ProveIdentity.MethodEnum.EMAIL);
            assertThat(chosen.getChallenge().getDestination()).isEqualTo("a•••@p•••.example");

            FlowResponse wrong = api.postResetFlowsProve(new ProveRequest().ticket(chosen.getTicket()).code("00000000"));
            assertThat(wrong.getStep().getActualInstance()).isInstanceOf(ProveIdentity.class);
            assertThat(wrong.getNotice()).isEqualTo(FlowResponse.NoticeEnum.WRONG_CODE);

            String code = new FlowClient(server).codeSentTo(ANN_ALTERNATE);
            FlowResponse proved = api.postResetFlowsProve(new ProveRequest().ticket(wrong.getTicket()).code(code));
            assertThat(proved.getStep().getActualInstance()).isInstanceOf(SetNewPassword.class);
            assertThat(proved.getRequirements().getMinLength()).isEqualTo(8);

            FlowResponse done = api.postResetFlowsPassword(new NewPasswordRequest().ticket(proved.getTicket())
                    .newPassword(NEW_PASSWORD));
            assertThat(done.getStep().getCompleted().getCompletion()).isEqualTo(Completed.CompletionEnum.PASSWORD_RESET);

            // A spent ticket is refused with the status and code the document lists for the route.
            ApiException replay = catchThrowableOfType(ApiException.class, () -> api.postResetFlowsPassword(
                    new NewPasswordRequest().ticket(proved.getTicket()).newPassword(NEW_PASSWORD)));
            assertThat(replay.getCode()).isEqualTo(409);
            assertThat(replay.getResponseBody()).contains("\"TICKET_ALREADY_USED\"");

            UserSignInResultDto signIn = api.postSignin(new UserSignInRequest().userName(ANN).password(NEW_PASSWORD));
            assertThat(signIn.getOutcome()).isEqualTo(UserSignInResultDto.OutcomeEnum.SIGNED_IN);
        }
    }
}
