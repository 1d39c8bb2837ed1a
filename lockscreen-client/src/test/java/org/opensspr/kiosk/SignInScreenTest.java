package org.opensspr.kiosk;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.kiosk.done.DoneStep;
import org.opensspr.kiosk.unlock.ConfirmUnlockStep;
import org.opensspr.kiosk.verify.VerifyStep;
import org.opensspr.server.api.TestPeople;
import org.opensspr.kiosk.wizard.IntentChoiceStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sign-in screen against the demo organization: wrong password, signed in, and the ways into the wizard. */
@ExtendWith(ApplicationExtension.class)
class SignInScreenTest {
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
        kiosk = TestKiosk.on(stage).server(server.url()).show();
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void aWrongPasswordSaysSoAndOffersResetPassword(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        assertThat(robot.text("#otherUserTile")).isEqualTo("Other user");
        assertThat(robot.showing("#cantAccess")).as("Can't access your account? is always there").isTrue();
        assertThat(robot.text("#cantAccess")).isEqualTo("Can't access your account?");
        assertThat(robot.showing("#resetPassword")).isFalse();
        robot.assertEveryControlNamed();

        robot.type("#userName", DemoServer.upn("adele.vance")).type("#password", "not-her-password")
                .press(javafx.scene.input.KeyCode.ENTER);

        assertThat(robot.text("#signInMessage")).isEqualTo("The password is incorrect. Try again.");
        assertThat(robot.showing("#resetPassword")).isTrue();
        assertThat(robot.text("#resetPassword")).isEqualTo("Reset password");
        assertThat(robot.text("#password")).as("the wrong password is not kept").isEmpty();
        assertThat(robot.showing("#cantAccess")).isTrue();

        robot.click("#resetPassword");
        robot.step(VerifyStep.class);
        assertThat(robot.text("#userId")).as("the user ID typed at sign-in is filled in")
                .isEqualTo(DemoServer.upn("adele.vance"));
        robot.assertEveryControlNamed();
    }

    @Test
    void theRightPasswordSignsInAndSignOutShowsAnEmptySignInScreen(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        // Lidia has the two methods the demo policy asks for, registered lately: sign-in asks her nothing.
        robot.type("#userName", DemoServer.upn("lidia.holloway")).type("#password", DemoServer.PASSWORD)
                .click("#signInButton");
        assertThat(robot.text("#signedInName")).isEqualTo("Lidia Holloway");
        assertThat(robot.showing("#openSecurityInfo")).as("her security-info session is open").isTrue();
        robot.assertEveryControlNamed();

        robot.click("#signOut");
        assertThat(robot.text("#userName")).isEmpty();
        assertThat(robot.text("#otherUserTile")).as("no previous person's name").isEqualTo("Other user");
    }

    @Test
    void cantAccessAsksResetOrUnlockAndBackEndsTheFlowItStarted(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.click("#cantAccess");
        robot.step(IntentChoiceStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Why are you having trouble signing in?");
        robot.assertEveryControlNamed();

        robot.next();
        robot.step(VerifyStep.class);
        String started = robot.ticket();
        assertThat(robot.showing("#wizardBack")).isTrue();

        robot.click("#wizardBack");
        robot.step(IntentChoiceStep.class);
        assertThatThrownBy(() -> kiosk.client.refreshCaptcha(started))
                .isInstanceOfSatisfying(OpenSsprApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.FLOW_EXPIRED));

        robot.click("#wizardCancel");
        assertThat(robot.showing("#signIn")).isTrue();
    }

    @Test
    void aLockedAccountIsUnlockedWithoutAReset(FxRobot fx) {
        String grady = DemoServer.upn("grady.archie");
        robot = new KioskRobot(fx, kiosk).settle();
        robot.type("#userName", grady).type("#password", DemoServer.PASSWORD).click("#signInButton");
        assertThat(robot.text("#signInMessage")).isEqualTo("Your account is locked.");
        assertThat(robot.showing("#unlockAccount")).isTrue();
        assertThat(robot.text("#unlockAccount")).isEqualTo("Unlock account");
        robot.assertEveryControlNamed();

        robot.click("#unlockAccount");
        robot.step(VerifyStep.class);
        robot.identify(grady);
        assertThat(fx.lookup("#method-MOBILE_PHONE-TEXT").query().isDisabled()).as("the phone is offered").isFalse();
        robot.choose("EMAIL").enterCode(server.emailedCode(DemoServer.alternateEmail("grady.archie")));

        robot.step(ConfirmUnlockStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Unlock your account");
        assertThat(robot.text("#wizardNext")).isEqualTo("Unlock");
        robot.assertEveryControlNamed().next();
        robot.step(DoneStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Your account is unlocked");

        robot.next().type("#userName", grady).type("#password", DemoServer.PASSWORD).click("#signInButton");
        assertThat(robot.text("#signedInName")).as("the same password works again").isEqualTo("Grady Archie");
    }

    @Test
    void aPasswordThatMustBeChangedIsChangedBeforeSigningIn(FxRobot fx) {
        String upn = "new.starter@contoso.example";
        TestPeople.cloudUser(server.server(), upn, DemoServer.PASSWORD, true);
        robot = new KioskRobot(fx, kiosk).settle();
        robot.type("#userName", upn).type("#password", DemoServer.PASSWORD).click("#signInButton");
        assertThat(robot.showing("#changePassword")).isTrue();
        assertThat(robot.text("#ruleLength")).isEqualTo("8 to 256 characters");
        robot.assertEveryControlNamed();

        robot.type("#newPassword", DemoServer.NEW_PASSWORD).type("#confirmPassword", DemoServer.NEW_PASSWORD)
                .click("#changeSubmit");
        assertThat(robot.text("#signInMessage")).isEqualTo("Your password was changed. Sign in with your new password.");
        robot.type("#userName", upn).type("#password", DemoServer.NEW_PASSWORD).click("#signInButton");
        assertThat(robot.text("#signedInName")).isEqualTo("Ann Example");
    }

    @Test
    void signingInAsSomeoneElseLeavesNoTrace(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        assertThat(kiosk.client.signInUser(new UserSignInRequest(DemoServer.upn("alex.wilber"), DemoServer.PASSWORD))
                .displayName()).isEqualTo("Alex Wilber");
        robot.type("#userName", "nobody@contoso.example").type("#password", "whatever-it-is").click("#signInButton");
        assertThat(robot.text("#signInMessage")).as("an unknown name reads like a wrong password")
                .isEqualTo("The password is incorrect. Try again.");
    }
}
