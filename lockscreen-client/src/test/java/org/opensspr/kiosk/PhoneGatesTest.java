package org.opensspr.kiosk;

import javafx.scene.Node;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.gates.ChooseMethodStep;
import org.opensspr.kiosk.gates.CodeSent;
import org.opensspr.kiosk.gates.CodeSentGate;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone gates against the real demo server: a code texted to the mobile phone, one read out by a call to
 * it, and a call to an office phone with its extension; the codes are read from the server's test outbox
 * (channel SMS or VOICE, the recipient in E.164). Johanna has a mobile and an office phone, Lynne only an office
 * phone. Each test stops once the gate is passed (the new-password step), so the people's passwords stay.
 */
@ExtendWith(ApplicationExtension.class)
class PhoneGatesTest {
    private static final String JOHANNA = DemoServer.upn("johanna.lorenz");
    private static final String LYNNE = DemoServer.upn("lynne.robbins");
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
        kiosk = TestKiosk.on(stage).server(server.url()).branding(TestKiosk.CONTOSO.withoutUnlock())
                .clock(server.clock()).show();
    }

    /**
     * Texts, calls and the codes typed from them count towards an hourly limit (5): each test starts a new hour
     * on the server's clock, which the kiosk's follows, so the tests don't add up to a block.
     */
    @BeforeEach
    void oneGateInANewHour() {
        server.requireGates(1);
        server.advanceClock(Duration.ofHours(1));
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void aCodeTextedToTheMobilePhone(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(JOHANNA).identify(JOHANNA);
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#method-MOBILE_PHONE-TEXT")).isEqualTo("Text my mobile phone");
        assertThat(robot.text("#method-MOBILE_PHONE-CALL")).isEqualTo("Call my mobile phone");
        assertThat(robot.text("#method-OFFICE_PHONE")).isEqualTo("Call my office phone");
        robot.assertEveryControlNamed().choose("MOBILE_PHONE-TEXT");

        CodeSentGate gate = robot.step(CodeSentGate.class);
        assertThat(gate.words()).isEqualTo(CodeSent.TEXT);
        String mobile = server.mobileE164(JOHANNA);
        assertThat(robot.text("#stepIntro"))
                .startsWith("We've sent a text message containing a verification code to your phone (+1 ")
                .contains("•••")
                .contains(mobile.substring(mobile.length() - 2) + ")")
                .doesNotContain(mobile.substring(2, 8))
                .endsWith("Enter the 8-digit code below.");
        assertThat(fx.lookup("#resendCode").query().isDisabled()).as("a new code waits").isTrue();
        assertThat(robot.text("#resendWait")).matches("You can ask for a new code in \\d:\\d\\d\\.");
        assertThat(robot.showing("#otherMethod")).as("three options were offered").isTrue();
        robot.assertEveryControlNamed();

        robot.enterCode("00000000");
        assertThat(robot.text("#wizardMessage")).isEqualTo("That code didn't work. Check the code and try again.");
        robot.step(CodeSentGate.class);
        robot.enterCode(server.phonedCode("SMS", mobile));
        robot.step(NewPasswordStep.class);
    }

    /** Keyboard only: the arrow moves from "Text" to "Call", Enter chooses; the code is read out by a call. */
    @Test
    void aCodeReadOutByACallToTheMobilePhone(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(JOHANNA).identify(JOHANNA);
        robot.step(ChooseMethodStep.class);
        assertThat(focused(fx).getId()).isEqualTo("method-MOBILE_PHONE-TEXT");
        robot.press(KeyCode.DOWN);
        assertThat(focused(fx).getId()).isEqualTo("method-MOBILE_PHONE-CALL");
        assertThat(fx.lookup("#method-MOBILE_PHONE-CALL").queryAs(RadioButton.class).isSelected()).isTrue();
        robot.press(KeyCode.ENTER);

        CodeSentGate gate = robot.step(CodeSentGate.class);
        assertThat(gate.words()).isEqualTo(CodeSent.CALL);
        String mobile = server.mobileE164(JOHANNA);
        assertThat(robot.text("#stepIntro")).startsWith("We're calling your phone +1 ")
                .endsWith(mobile.substring(mobile.length() - 2) + ". Listen for the code and enter it below.");
        assertThat(robot.text("#resendCode")).isEqualTo("Call again");
        assertThat(robot.text("#resendWait")).matches("You can ask for another call in \\d:\\d\\d\\.");
        assertThat(server.sentTo("SMS", mobile)).as("called, not texted").isZero();
        robot.assertEveryControlNamed();

        robot.type("#code", server.phonedCode("VOICE", mobile)).press(KeyCode.ENTER);
        robot.step(NewPasswordStep.class);
    }

    @Test
    void useAnotherMethodGoesBackToTheChoice(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(JOHANNA).identify(JOHANNA).choose("OFFICE_PHONE");
        robot.step(CodeSentGate.class);
        robot.click("#otherMethod");
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Verify your identity");
        robot.choose("MOBILE_PHONE-TEXT");
        robot.enterCode(server.phonedCode("SMS", server.mobileE164(JOHANNA)));
        robot.step(NewPasswordStep.class);
    }

    /** The extension is shown with the number and dialled: the outbox names it as ;ext=. */
    @Test
    void anOfficePhoneIsCalledAtItsExtension(FxRobot fx) {
        String office = server.officeRecipient(LYNNE); // the demo's office phones have extensions
        assertThat(office).contains(";ext=");
        String number = office.substring(0, office.indexOf(';'));
        String extension = office.substring(office.indexOf('=') + 1);
        robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(LYNNE).identify(LYNNE);
        if (robot.step() instanceof ChooseMethodStep) {
            assertThat(robot.showing("#method-MOBILE_PHONE-TEXT")).isFalse();
            robot.choose("OFFICE_PHONE");
        }
        CodeSentGate gate = robot.step(CodeSentGate.class);
        assertThat(gate.words()).isEqualTo(CodeSent.CALL);
        assertThat(robot.text("#stepIntro")).startsWith("We're calling your phone +1 ")
                .contains(number.substring(number.length() - 2) + " ext. " + extension + ". Listen for the code");
        assertThat(robot.showing("#otherMethod")).as("the only option").isFalse();
        robot.enterCode(server.phonedCode("VOICE", office));
        robot.step(NewPasswordStep.class);
    }

    private static Node focused(FxRobot fx) {
        return fx.targetWindow().getScene().getFocusOwner();
    }
}
