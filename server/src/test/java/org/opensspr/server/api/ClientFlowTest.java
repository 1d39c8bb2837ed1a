package org.opensspr.server.api;

import org.junit.jupiter.api.Test;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.flow.FlowCompletion;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.db.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The kiosk's view: the typed client walks a reset and reads the typed steps the server names. */
class ClientFlowTest {

    @Test
    void theTypedClientWalksAResetAndAnAbandonedFlowIsGone() {
        try (InProcessServer server = InProcessServer.start(TestDatabases.H2);
             OpenSsprClient kiosk = OpenSsprClient.builder().baseUrl(server.url()).build()) {
            ResetFlowApiTest.policy(server, 1);
            ResetFlowApiTest.ann(server);

            FlowResponse started = kiosk.startFlow(new StartFlowRequest(FlowIntent.RESET_PASSWORD, "es-US"));
            assertThat(started.step()).isInstanceOf(FlowStep.IdentifyUser.class);
            FlowResponse identified = kiosk.identify(new IdentifyRequest(started.ticket(), ResetFlowApiTest.ANN,
                    started.captcha().captchaId(), "OPENSSPR"));
            assertThat(((FlowStep.ChooseMethod) identified.step()).options()).contains(AuthMethod.MOBILE_APP_CODE);
            FlowResponse proving = kiosk.chooseMethod(new ChooseMethodRequest(identified.ticket(), AuthMethod.MOBILE_APP_CODE));
            FlowResponse proven = kiosk.prove(new ProveRequest(proving.ticket(),
                    Oathtool.totp(ResetFlowApiTest.TOTP_SECRET, server.server().clock().instant()), null));
            assertThat(proven.requirements().minLength()).isEqualTo(8);
            FlowResponse done = kiosk.setNewPassword(new NewPasswordRequest(proven.ticket(), ResetFlowApiTest.NEW_PASSWORD));

            assertThat(done.step()).isEqualTo(new FlowStep.Completed(FlowCompletion.PASSWORD_RESET));
            assertThat(kiosk.signInUser(new UserSignInRequest(ResetFlowApiTest.ANN, ResetFlowApiTest.NEW_PASSWORD))
                    .outcome()).isEqualTo(UserSignInResultDto.Outcome.SIGNED_IN);

            FlowResponse another = kiosk.startFlow(new StartFlowRequest(FlowIntent.UNLOCK_ACCOUNT, null));
            kiosk.abandonFlow(another.ticket());
            OpenSsprApiException gone = catchThrowableOfType(OpenSsprApiException.class,
                    () -> kiosk.refreshCaptcha(another.ticket()));
            assertThat(gone.code()).isEqualTo(ErrorCode.FLOW_EXPIRED);
        }
    }
}
