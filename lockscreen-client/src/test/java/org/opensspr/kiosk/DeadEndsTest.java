package org.opensspr.kiosk;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.deadend.DeadEndStep;
import org.opensspr.kiosk.gates.AuthenticatorCodeGate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dead end says clearly what happened and whom to contact, and leads back to the sign-in screen. */
@ExtendWith(ApplicationExtension.class)
class DeadEndsTest {
    private static final String HELPDESK_LINE = "Get help from your helpdesk: " + DemoServer.HELPDESK;
    private static DemoServer server;
    private Stage stage;
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
        this.stage = stage;
        kiosk = TestKiosk.on(stage).server(server.url()).branding(TestKiosk.CONTOSO.withoutUnlock()).show();
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void notEligibleAndUnknownPeopleGetOneAnswer(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(DemoServer.upn("allan.deyoung")).identify(DemoServer.upn("allan.deyoung"));
        assertDeadEnd("You can't reset your password here");
        String notInScope = robot.text("#stepIntro");
        robot.press(KeyCode.ESCAPE);
        assertThat(robot.showing("#signIn")).as("Escape leaves a dead end").isTrue();

        robot.cantAccess("nobody@contoso.example").identify("nobody@contoso.example");
        assertDeadEnd("You can't reset your password here");
        assertThat(robot.text("#stepIntro")).isEqualTo(notInScope);
        robot.next();
        assertThat(robot.showing("#signIn")).isTrue();
    }

    @Test
    void anAdministratorShortOfAMethodAndAnOnPremisesAccountLookLikeEveryoneElse(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess("nobody@contoso.example").identify("nobody@contoso.example");
        String unknown = robot.text("#stepIntro");
        robot.press(KeyCode.ESCAPE);

        for (String person : java.util.List.of("miriam.graham", "henrietta.mueller")) {
            robot.cantAccess(DemoServer.upn(person)).identify(DemoServer.upn(person));
            assertDeadEnd("You can't reset your password here");
            assertThat(robot.text("#stepIntro")).as(person + " is told what an unknown name is told").isEqualTo(unknown);
            robot.press(KeyCode.ESCAPE);
        }
    }

    @Test
    void fiveWrongCodesBlock(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(DemoServer.upn("nestor.wilke")).identify(DemoServer.upn("nestor.wilke"));
        robot.choose("MOBILE_APP_CODE");
        for (int attempt = 1; attempt < 5; attempt++) {
            robot.step(AuthenticatorCodeGate.class);
            robot.enterCode("00000" + attempt);
        }
        robot.enterCode("000005");
        assertDeadEnd("Too many attempts");
        assertThat(robot.text("#retryAfter")).startsWith("You can try again after ");
    }

    @Test
    void aSessionThatExpiredOnTheServer(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(DemoServer.upn("patti.fernandez"));
        server.advanceClock(Duration.ofMinutes(16));
        robot.identify(DemoServer.upn("patti.fernandez"));
        assertDeadEnd("Your session has ended");
    }

    @Test
    void theServerGoesAway(FxRobot fx) {
        DemoServer doomed = DemoServer.start();
        fx.interact(() -> {
            kiosk.close();
            kiosk = TestKiosk.on(stage).server(doomed.url()).show(); // the server's own branding
        });
        robot = new KioskRobot(fx, kiosk).settle();
        doomed.close();

        robot.type("#userName", DemoServer.upn("lidia.holloway")).type("#password", DemoServer.PASSWORD)
                .press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).startsWith("We can't reach the sign-in service right now.");
        assertThat(robot.showing("#cantAccess")).isTrue();

        robot.click("#cantAccess").next();
        assertDeadEnd("We can't reach the password reset service");
    }

    private void assertDeadEnd(String title) {
        robot.step(DeadEndStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo(title);
        assertThat(robot.text("#helpdeskContact")).isEqualTo(HELPDESK_LINE);
        assertThat(robot.text("#wizardNext")).isEqualTo("Back to sign-in");
        assertThat(robot.showing("#wizardCancel")).isFalse();
        robot.assertEveryControlNamed();
    }
}
