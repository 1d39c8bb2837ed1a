package org.opensspr.kiosk;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.register.ChooseMethodStep;
import org.opensspr.kiosk.register.ChooseProofStep;
import org.opensspr.kiosk.register.OverviewStep;
import org.opensspr.kiosk.register.PhoneCodeStep;
import org.opensspr.kiosk.register.PhoneNumberStep;
import org.opensspr.kiosk.register.PromptStep;
import org.opensspr.kiosk.register.ProveStep;
import org.opensspr.methods.AuthMethod.Registration;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering phones in the security-info wizard against the real demo server: a mobile phone by a texted code
 * (after a number the server refuses, shown at the field), an office phone with its extension by a call; and a
 * registered mobile phone proving the user again by a call. The codes come from the test outbox (SMS or VOICE,
 * the recipient in E.164, an extension as ;ext=).
 */
@ExtendWith(ApplicationExtension.class)
class PhoneRegistrationTest {
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
    void aMobilePhoneByATextedCode(FxRobot fx) {
        String upn = newUserSignedIn(fx);
        robot.click("#add-MOBILE_PHONE").next();

        robot.step(PhoneNumberStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Add a mobile phone");
        assertThat(robot.text("#phoneHint")).isEqualTo("Start with + and the country code, or enter a local number.");
        assertThat(robot.text("#delivery-TEXT")).isEqualTo("Text me a code");
        assertThat(robot.text("#delivery-CALL")).isEqualTo("Call me");
        assertThat(robot.showing("#phoneExtension")).as("a mobile phone has no extension").isFalse();
        robot.assertEveryControlNamed();

        robot.next();
        assertThat(robot.text("#wizardMessage")).isEqualTo("Enter a phone number.");
        robot.type("#phoneNumber", "+41 44 668 18 00").next(); // a Swiss landline
        robot.step(PhoneNumberStep.class);
        assertThat(robot.text("#wizardMessage")).isEqualTo("Check the phone number and try again.");
        assertThat(robot.text("#phoneNumberError")).as("the server's words at the field").contains("not a mobile number");
        assertThat(fx.lookup("#phoneNumber").query().getAccessibleHelp()).isEqualTo(robot.text("#phoneNumberError"));

        robot.type("#phoneNumber", "+41 79 123 45 67").next();
        robot.step(PhoneCodeStep.class);
        assertThat(robot.text("#stepIntro")).isEqualTo("We've sent a text message containing a verification code to"
                + " your phone (+41 ••• ••• 67). Enter the 8-digit code below.");
        assertThat(robot.text("#resendCode")).isEqualTo("Send a new code");
        robot.assertEveryControlNamed();
        robot.enterCode(server.phonedCode("SMS", "+41791234567"));

        assertThat(robot.text("#wizardMessage")).isEqualTo("Saved. This method is ready to use.");
        assertThat(server.registered(upn)).contains(Registration.MOBILE_PHONE);
    }

    /** Keyboard only; Back from the code returns to the number as typed. */
    @Test
    void anOfficePhoneWithItsExtensionByACall(FxRobot fx) {
        String upn = newUserSignedIn(fx);
        robot.click("#add-OFFICE_PHONE").next();

        robot.step(PhoneNumberStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Add an office phone");
        assertThat(robot.showing("#delivery-TEXT")).as("an office phone is called").isFalse();
        fx.write("+1 206 555 0173", 0);
        robot.press(KeyCode.TAB);
        fx.write("12x3", 0);
        assertThat(robot.text("#phoneExtension")).as("digits only").isEqualTo("123");
        robot.assertEveryControlNamed().press(KeyCode.ENTER);

        robot.step(PhoneCodeStep.class);
        assertThat(robot.text("#stepIntro"))
                .isEqualTo("We're calling your phone +1 ••• ••• 73 ext. 123. Listen for the code and enter it below.");
        assertThat(robot.text("#resendCode")).isEqualTo("Call again");
        robot.press(KeyCode.ESCAPE);
        robot.step(PhoneNumberStep.class);
        assertThat(robot.text("#phoneNumber")).isEqualTo("+1 206 555 0173");
        assertThat(robot.text("#phoneExtension")).isEqualTo("123");
        robot.press(KeyCode.ENTER);

        robot.step(PhoneCodeStep.class);
        fx.write(server.phonedCode("VOICE", "+12065550173;ext=123"), 0);
        robot.press(KeyCode.ENTER);
        assertThat(robot.text("#wizardMessage")).isEqualTo("Saved. This method is ready to use.");
        assertThat(server.registered(upn)).contains(Registration.OFFICE_PHONE);
    }

    /** Before a change, a registered mobile phone proves the user again, here by a call rather than a text. */
    @Test
    void aRegisteredMobilePhoneProvesTheUserAgainByACall(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        String lidia = DemoServer.upn("lidia.holloway"); // an alternate email and a mobile phone
        robot.type("#userName", lidia).type("#password", DemoServer.PASSWORD).press(KeyCode.ENTER);
        robot.click("#openSecurityInfo").click("#delete-EMAIL").next();

        robot.step(ChooseProofStep.class);
        assertThat(robot.text("#prove-MOBILE_PHONE")).startsWith("Text a code to ");
        assertThat(robot.text("#prove-MOBILE_PHONE-CALL")).startsWith("Call ");
        robot.assertEveryControlNamed().click("#prove-MOBILE_PHONE-CALL").next();

        robot.step(ProveStep.class);
        String mobile = server.mobileE164(lidia);
        assertThat(robot.text("#stepIntro")).isEqualTo("We're calling your phone +1 ••• ••• "
                + mobile.substring(mobile.length() - 2) + ". Listen for the code and enter it below.");
        assertThat(robot.text("#resendCode")).isEqualTo("Call again");
        robot.enterCode(server.phonedCode("VOICE", mobile));
        robot.step(OverviewStep.class);
        assertThat(robot.text("#wizardMessage")).isEqualTo("The method was deleted.");
        assertThat(server.registered(lidia)).doesNotContain(Registration.EMAIL);
    }

    /** A new member of the pilot with nothing registered, signed in and on "which method to add". */
    private String newUserSignedIn(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        String upn = server.pilotUser("phone-" + UUID.randomUUID().toString().substring(0, 8), "en-US", null);
        robot.type("#userName", upn).type("#password", DemoServer.PASSWORD).press(KeyCode.ENTER);
        robot.step(PromptStep.class);
        robot.next();
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#add-MOBILE_PHONE")).isEqualTo("Mobile phone: a code by text message or call");
        assertThat(robot.text("#add-OFFICE_PHONE")).isEqualTo("Office phone: a code read out by a call");
        return upn;
    }
}
