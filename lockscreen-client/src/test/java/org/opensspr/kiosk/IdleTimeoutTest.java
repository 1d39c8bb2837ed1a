package org.opensspr.kiosk;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.kiosk.gates.ChooseMethodStep;
import org.opensspr.kiosk.i18n.Language;
import org.opensspr.kiosk.signin.SignInPane;
import org.opensspr.kiosk.wizard.WizardModel;
import org.opensspr.methods.AuthMethod;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Left alone (2 s here, 90 s by default) the kiosk goes back to an empty sign-in screen: every field
 * emptied, the wizard's model replaced, the server's flow abandoned (its ticket answers 410), and the
 * language and accessibility options back to the kiosk's own.
 */
@ExtendWith(ApplicationExtension.class)
class IdleTimeoutTest {
    private static DemoServer server;
    private TestKiosk kiosk;
    private KioskRobot robot;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        kiosk = TestKiosk.on(stage).server(server.url()).idle(Duration.ofSeconds(2)).show();
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void idleTimeWipesTheSignInScreen(FxRobot fx) throws TimeoutException {
        robot = new KioskRobot(fx, kiosk).settle();
        // The kiosk has been idle since it started; let that first period pass so the next one is ours.
        SignInPane first = kiosk.shell().signInPane();
        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> kiosk.shell().signInPane() != first);
        robot.settle();
        SignInPane before = kiosk.shell().signInPane();
        robot.type("#userName", DemoServer.upn("lee.gu")).type("#password", "half-typed");

        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> kiosk.shell().signInPane() != before);
        robot.settle();
        assertThat(robot.text("#userName")).isEmpty();
        assertThat(robot.text("#password")).isEmpty();
    }

    @Test
    void idleTimeMidResetEndsTheFlowOnTheServer(FxRobot fx) throws TimeoutException {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(DemoServer.upn("lidia.holloway")).next(); // reset, not unlock
        robot.identify(DemoServer.upn("lidia.holloway"));
        robot.step(ChooseMethodStep.class);
        WizardModel flow = kiosk.shell().wizard();
        String ticket = robot.ticket();
        fx.clickOn("#languagePicker").clickOn("Español");
        assertThat(robot.text("#wizardNext")).isEqualTo("Siguiente");

        WaitForAsyncUtils.waitFor(8, TimeUnit.SECONDS, () -> kiosk.shell().wizard() == null);
        robot.settle();
        assertThat(robot.showing("#signIn")).isTrue();
        assertThat(robot.text("#userName")).isEmpty();
        assertThat(robot.text("#otherUserTile")).as("the next person gets the kiosk's language").isEqualTo("Other user");
        assertThatThrownBy(() -> kiosk.client.chooseMethod(new ChooseMethodRequest(ticket, AuthMethod.EMAIL)))
                .as("the abandoned flow's ticket").isInstanceOfSatisfying(OpenSsprApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FLOW_EXPIRED));

        robot.cantAccess(DemoServer.upn("lidia.holloway"));
        assertThat(kiosk.shell().wizard()).as("a new flow gets a new model").isNotSameAs(flow);
        assertThat(robot.text("#stepTitle")).isEqualTo("Why are you having trouble signing in?");
    }
}
