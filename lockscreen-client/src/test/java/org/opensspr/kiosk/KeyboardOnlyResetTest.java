package org.opensspr.kiosk;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.kiosk.done.DoneStep;
import org.opensspr.kiosk.gates.ChooseMethodStep;
import org.opensspr.kiosk.gates.SecurityQuestionsGate;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.opensspr.kiosk.verify.VerifyStep;
import org.opensspr.kiosk.wizard.IntentChoiceStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole reset with the keyboard alone — typing, Tab, Enter and Escape; not one click. */
@ExtendWith(ApplicationExtension.class)
class KeyboardOnlyResetTest {
    private static DemoServer server;
    private TestKiosk kiosk;
    private FxRobot fx;

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
    void aWholeResetWithTabEnterAndEscape(FxRobot robot) {
        fx = robot;
        KioskRobot kioskRobot = new KioskRobot(robot, kiosk).settle();
        String diego = DemoServer.upn("diego.siciliani");
        assertThat(focused()).isEqualTo("userName");
        fx.write(diego, 0);
        key(KeyCode.TAB);
        assertThat(focused()).isEqualTo("password");
        key(KeyCode.TAB, KeyCode.TAB);
        assertThat(focused()).isEqualTo("cantAccess");

        // Escape from the wizard returns to the sign-in screen and ends the flow
        key(KeyCode.ENTER);
        kioskRobot.step(IntentChoiceStep.class);
        key(KeyCode.ESCAPE);
        assertThat(kiosk.shell().wizard()).isNull();
        assertThat(focused()).isEqualTo("userName");
        fx.write(diego, 0);
        key(KeyCode.TAB, KeyCode.TAB, KeyCode.TAB, KeyCode.ENTER);

        kioskRobot.step(IntentChoiceStep.class);
        assertThat(focused()).isEqualTo("intentForgot");
        key(KeyCode.ENTER);
        kioskRobot.step(VerifyStep.class);
        assertThat(kioskRobot.text("#userId")).isEqualTo(diego);
        assertThat(focused()).as("the user ID is filled in, so the captcha is next").isEqualTo("captchaAnswer");
        fx.write(DemoServer.CAPTCHA, 0);
        key(KeyCode.ENTER);

        kioskRobot.step(ChooseMethodStep.class);
        assertThat(focused()).isEqualTo("method-EMAIL");
        key(KeyCode.TAB);
        assertThat(focused()).as("Tab reaches the next option, and choosing follows").isEqualTo("method-SECURITY_QUESTIONS");
        key(KeyCode.ENTER);

        kioskRobot.step(SecurityQuestionsGate.class);
        for (int i = 0; i < 3; i++) {
            assertThat(focused()).isEqualTo("answer" + i);
            String question = ((javafx.scene.control.Label) fx.lookup(".question-list .field-label").queryAll()
                    .toArray()[i]).getText();
            fx.write(question.contains("pet") ? "Rex" : question.contains("food") ? "Pho" : "Ada Lovelace", 0);
            key(i < 2 ? KeyCode.TAB : KeyCode.ENTER);
        }

        kioskRobot.step(NewPasswordStep.class);
        assertThat(focused()).isEqualTo("newPassword");
        fx.write(DemoServer.NEW_PASSWORD, 0);
        key(KeyCode.TAB);
        assertThat(focused()).isEqualTo("confirmPassword");
        fx.write(DemoServer.NEW_PASSWORD, 0);
        key(KeyCode.ENTER);

        kioskRobot.step(DoneStep.class);
        assertThat(focused()).isEqualTo("wizardNext");
        key(KeyCode.ENTER);
        assertThat(kioskRobot.showing("#signIn")).isTrue();
        assertThat(kiosk.client.signInUser(new UserSignInRequest(diego, DemoServer.NEW_PASSWORD)).outcome())
                .isEqualTo(UserSignInResultDto.Outcome.SIGNED_IN);
    }

    private void key(KeyCode... keys) {
        for (KeyCode key : keys) {
            fx.type(key);
            new KioskRobot(fx, kiosk).settle();
        }
    }

    private String focused() {
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = kiosk.kiosk.scene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }
}
