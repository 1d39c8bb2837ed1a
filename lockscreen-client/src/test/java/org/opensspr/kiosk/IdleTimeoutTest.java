package org.opensspr.kiosk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import org.opensspr.kiosk.hardening.IdleTimer;
import org.opensspr.kiosk.signin.SignInPane;
import org.opensspr.kiosk.wizard.WizardModel;
import org.opensspr.methods.AuthMethod;
import org.opensspr.ui.i18n.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Left alone (90 s by default; here whenever the test runs the countdown out) the kiosk goes back to an
 * empty sign-in screen: every field emptied, the wizard's model replaced, the server's flow abandoned (its
 * ticket answers 410), and the language and accessibility options back to the kiosk's own. Input starts
 * the countdown again; while the kiosk waits for the server it stands still.
 */
@ExtendWith(ApplicationExtension.class)
class IdleTimeoutTest {
    private static DemoServer server;
    private final ManualCountdown idle = new ManualCountdown();
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
        kiosk = TestKiosk.on(stage).server(server.url()).idle(idle).show();
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void idleTimeWipesTheSignInScreen(FxRobot fx) throws TimeoutException {
        robot = new KioskRobot(fx, kiosk).settle();
        SignInPane before = kiosk.shell().signInPane();
        int restarts = idle.restarts();
        robot.type("#userName", DemoServer.upn("lee.gu")).type("#password", "half-typed");
        assertThat(idle.restarts()).as("typing starts the idle time again").isGreaterThan(restarts);
        assertThat(kiosk.shell().signInPane()).isSameAs(before);

        idle.runOut();
        robot.settle();
        assertThat(kiosk.shell().signInPane()).as("a new sign-in screen").isNotSameAs(before);
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

        robot.settle();
        idle.runOut();
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

    @Test
    void theIdleTimeStandsStillWhileTheKioskWaitsForTheServer() {
        ManualCountdown countdown = new ManualCountdown();
        BooleanProperty waiting = new SimpleBooleanProperty(false);
        AtomicInteger wiped = new AtomicInteger();
        IdleTimer timer = new IdleTimer(countdown, waiting, wiped::incrementAndGet);
        timer.restart();

        waiting.set(true);
        countdown.runOut();
        assertThat(wiped).as("a slow answer is not the person walking away").hasValue(0);

        waiting.set(false);
        assertThat(countdown.running()).as("the answer came: the idle time starts again").isTrue();
        countdown.runOut();
        assertThat(wiped).hasValue(1);
        assertThat(countdown.running()).as("and again after each wipe").isTrue();
    }

    /** Found in CI: a call that ended after the kiosk closed restarted the idle time, which fired ten minutes later. */
    @Test
    void aStoppedTimerStaysStoppedWhateverEndsAfterIt() {
        ManualCountdown countdown = new ManualCountdown();
        BooleanProperty waiting = new SimpleBooleanProperty(true);
        AtomicInteger wiped = new AtomicInteger();
        IdleTimer timer = new IdleTimer(countdown, waiting, wiped::incrementAndGet);

        timer.stop();
        waiting.set(false);
        timer.restart();

        assertThat(countdown.running()).isFalse();
        countdown.runOut();
        assertThat(wiped).hasValue(0);
    }
}
