package org.opensspr.kiosk;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.gates.AuthenticatorCodeGate;
import org.opensspr.kiosk.gates.CodeSentGate;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.opensspr.ui.i18n.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code field follows the server's challenge: an emailed code has 8 digits and the field takes 8
 * (not the Authenticator's 6), the app's code 6. The intro says how many, a screen reader hears it, Next
 * waits for the last digit; all with the keyboard alone.
 */
@ExtendWith(ApplicationExtension.class)
class CodeLengthTest {
    private static DemoServer server;
    private TestKiosk kiosk;
    private KioskRobot robot;
    private Stage stage;

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
    void theEmailedCodeTakesEightDigitsNotSix(FxRobot fx) {
        String alex = DemoServer.upn("alex.wilber");
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(alex).identify(alex).choose("EMAIL");
        robot.step(CodeSentGate.class);
        assertThat(robot.text("#stepIntro")).endsWith("Enter the 8-digit code below.");
        assertThat(codeField().getAccessibleText()).isEqualTo("Verification code");
        assertThat(codeField().getAccessibleHelp()).isEqualTo("8 digits");
        robot.assertEveryControlNamed();

        type("123456");
        assertThat(nextDisabled()).as("six digits are not an emailed code").isTrue();
        press(KeyCode.ENTER);
        assertThat(robot.text("#wizardMessage")).as("Enter did nothing, not even complain").isEmpty();
        robot.step(CodeSentGate.class);

        String sent = server.emailedCode(DemoServer.alternateEmail("alex.wilber"));
        press(KeyCode.BACK_SPACE, 6);
        type(sent.substring(0, 4) + " " + sent.substring(4) + "99");
        assertThat(robot.text("#code")).as("the phone's space dropped, the ninth digit refused").isEqualTo(sent);
        assertThat(nextDisabled()).isFalse();
        press(KeyCode.BACK_SPACE, 1);
        assertThat(nextDisabled()).as("seven digits").isTrue();
        type(sent.substring(7));
        press(KeyCode.ENTER);
        robot.step(NewPasswordStep.class);
    }

    @Test
    void theAuthenticatorCodeTakesSixDigits(FxRobot fx) {
        String joni = DemoServer.upn("joni.sherman");
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(joni).identify(joni).choose("MOBILE_APP_CODE");
        robot.step(AuthenticatorCodeGate.class);
        assertThat(robot.text("#stepIntro")).contains("enter the 6-digit code it shows");
        assertThat(codeField().getAccessibleHelp()).isEqualTo("6 digits");
        robot.assertEveryControlNamed();

        String shown = server.totp();
        type(shown.substring(0, 5));
        assertThat(nextDisabled()).as("five digits").isTrue();
        type(shown.substring(5) + "7");
        assertThat(robot.text("#code")).as("the seventh digit refused").isEqualTo(shown);
        assertThat(nextDisabled()).isFalse();
        press(KeyCode.ENTER);
        robot.step(NewPasswordStep.class);
    }

    @Test
    void theSpanishIntroSaysHowManyDigitsToo(FxRobot fx) {
        fx.interact(() -> {
            kiosk.close();
            kiosk = TestKiosk.on(stage).server(server.url()).branding(TestKiosk.CONTOSO.withoutUnlock())
                    .language(Language.SPANISH).show();
        });
        String adele = DemoServer.upn("adele.vance");
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(adele).identify(adele).choose("EMAIL");
        robot.step(CodeSentGate.class);
        assertThat(robot.text("#stepIntro")).endsWith("Escribe el código de 8 dígitos a continuación.");
        assertThat(codeField().getAccessibleHelp()).isEqualTo("8 dígitos");
    }

    /** Types into whatever has the focus (the code field has it from the start). */
    private void type(String text) {
        robot.fx().write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(KeyCode key, int times) {
        for (int i = 0; i < times; i++) {
            robot.press(key);
        }
    }

    private void press(KeyCode key) {
        press(key, 1);
    }

    private TextField codeField() {
        return robot.fx().lookup("#code").queryAs(TextField.class);
    }

    private boolean nextDisabled() {
        Node next = robot.fx().lookup("#wizardNext").query();
        return ((Button) next).isDisabled();
    }
}
