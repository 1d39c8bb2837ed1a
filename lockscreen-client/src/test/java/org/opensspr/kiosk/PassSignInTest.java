package org.opensspr.kiosk;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.kiosk.register.AllSetStep;
import org.opensspr.kiosk.register.AuthenticatorStep;
import org.opensspr.kiosk.register.ChooseMethodStep;
import org.opensspr.kiosk.register.EmailAddressStep;
import org.opensspr.kiosk.register.EmailCodeStep;
import org.opensspr.kiosk.register.PromptStep;
import org.opensspr.kiosk.signin.SignInMethod;
import org.opensspr.kiosk.verify.VerifyStep;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.auth.Oathtool;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing in at the lock screen with a Temporary Access Pass (issue 14) against the real demo server: a helpdesk
 * administrator issues the pass through the API, the person picks it under "Sign-in options", and lands in the
 * registration wizard, where nothing asks for the password or a registered method the pass stands for. A wrong,
 * spent or unknown pass reads like a wrong password, a locked account like a locked account, "Ask me later" and
 * sign-out behave as after a password, and the screen speaks Spanish.
 */
@ExtendWith(ApplicationExtension.class)
class PassSignInTest {
    private static DemoServer server;
    private static OpenSsprClient helpdesk;
    private TestKiosk kiosk;
    private KioskRobot robot;
    private FxRobot fx;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
        helpdesk = TestAdmins.client(server.server(), Role.HELPDESK_ADMINISTRATOR);
    }

    @AfterAll
    static void stopServer() {
        helpdesk.close();
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
    void aPassLeadsStraightIntoRegistrationAndIsSpentByIt(FxRobot fx) {
        String upn = newUser(fx, null);
        String pass = issue(upn, true);
        assertThat(robot.showing("#signInOptions")).isTrue();
        assertThat(robot.text("#signInOptions")).isEqualTo("Sign-in options");
        assertThat(robot.showing("#signInOptionChoices")).as("the choices wait for the link").isFalse();

        robot.type("#userName", upn).click("#signInOptions");
        assertThat(robot.text("#signInWithPassword")).isEqualTo("Password");
        assertThat(robot.text("#signInWithPass")).isEqualTo("Temporary Access Pass");
        assertThat(method()).isEqualTo(SignInMethod.PASSWORD);
        robot.assertEveryControlNamed().click("#signInWithPass");
        assertThat(passwordField().getPromptText()).isEqualTo("Temporary Access Pass");
        assertThat(passwordField().getAccessibleText()).isEqualTo("Temporary Access Pass");
        assertThat(robot.text("#signInMessage"))
                .isEqualTo("Use the pass your helpdesk gave you. Next, you'll set up your security info.");
        robot.assertEveryControlNamed();
        robot.type("#password", pass).press(KeyCode.ENTER);

        robot.step(PromptStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("More information required");
        assertThat(robot.text("#registerProgress")).isEqualTo("You have set up 0 of 2.");
        assertThat(robot.text("#wizardCancel")).isEqualTo("Ask me later");
        robot.next();

        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Method 1 of 2");
        robot.click("#add-AUTHENTICATOR_APP").next();
        robot.step(AuthenticatorStep.class);
        robot.enterCode(totp(robot.text("#authenticatorSecret").replace(" ", "")));

        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#wizardMessage")).isEqualTo("Saved. This method is ready to use.");
        robot.click("#add-EMAIL").next();
        robot.step(EmailAddressStep.class);
        String address = "pass." + upn.substring(0, upn.indexOf('@')) + "@fabrikam-mail.example";
        robot.type("#emailAddress", address).next();
        robot.step(EmailCodeStep.class);
        robot.enterCode(server.emailedCode(address));

        robot.step(AllSetStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("You're all set");
        robot.next();
        assertThat(robot.showing("#signedIn")).isTrue();
        assertThat(robot.text("#signedInName")).isEqualTo("Sam Tester");
        assertThat(robot.showing("#openSecurityInfo")).as("the session is still open").isTrue();
        assertThat(server.registered(upn)).contains(Registration.AUTHENTICATOR_APP, Registration.EMAIL);

        String session = kiosk.shell().securitySession().id();
        robot.click("#signOut");
        assertThat(robot.showing("#signIn")).isTrue();
        assertSessionOver(session);
        assertThat(method()).as("the next person starts with the password").isEqualTo(SignInMethod.PASSWORD);
        assertThat(robot.showing("#signInOptionChoices")).isFalse();
        assertThat(passwordField().getPromptText()).isEqualTo("Password");

        signInWithPass(upn, pass);
        assertThat(robot.text("#signInMessage")).as("one-time: spent")
                .isEqualTo("The Temporary Access Pass didn't work: it's incorrect, expired or already used."
                        + " Try again, or ask your helpdesk for a new one.");
        assertThat(robot.showing("#signIn")).isTrue();
        assertThat(method()).as("still the pass").isEqualTo(SignInMethod.TEMPORARY_ACCESS_PASS);
    }

    /**
     * Keyboard only. She has an alternate email an administrator put there: after a password sign-in, adding a
     * method would first ask for the code sent to it; after the pass nothing is asked before the app is set up.
     */
    @Test
    void withAPassNothingAsksToProveTheMethodsAlreadyThere(FxRobot fx) {
        String address = "kept." + UUID.randomUUID().toString().substring(0, 8) + "@fabrikam-mail.example";
        String upn = newUser(fx, address);
        String pass = issue(upn, false);
        assertThat(focused()).isEqualTo("userName");
        fx.write(upn, 0);
        key(KeyCode.TAB, KeyCode.TAB, KeyCode.TAB, KeyCode.TAB);
        assertThat(focused()).isEqualTo("signInOptions");
        key(KeyCode.ENTER);
        assertThat(robot.showing("#signInOptionChoices")).isTrue();
        assertThat(focused()).as("on the option in use").isEqualTo("signInWithPassword");
        key(KeyCode.RIGHT);
        assertThat(focused()).isEqualTo("signInWithPass");
        key(KeyCode.SPACE);
        assertThat(method()).isEqualTo(SignInMethod.TEMPORARY_ACCESS_PASS);
        assertThat(focused()).as("straight back to the field").isEqualTo("password");
        fx.write(pass, 0);
        key(KeyCode.ENTER);

        robot.step(PromptStep.class);
        assertThat(robot.text("#registerProgress")).isEqualTo("You have set up 1 of 2.");
        assertThat(focused()).isEqualTo("wizardNext");
        key(KeyCode.ENTER);
        robot.step(ChooseMethodStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Method 2 of 2");
        assertThat(focused()).isEqualTo("add-AUTHENTICATOR_APP");
        key(KeyCode.ENTER);

        robot.step(AuthenticatorStep.class); // not "verify it's you" first
        assertThat(server.sentTo("EMAIL", address)).as("no code to prove the address").isZero();
        assertThat(focused()).isEqualTo("code");
        fx.write(totp(robot.text("#authenticatorSecret").replace(" ", "")), 0);
        key(KeyCode.ENTER);
        robot.step(AllSetStep.class);
        assertThat(server.registered(upn)).contains(Registration.AUTHENTICATOR_APP, Registration.EMAIL);
        key(KeyCode.ENTER);
        assertThat(robot.showing("#signedIn")).isTrue();
    }

    @Test
    void askMeLaterLetsThemInAndTheNextPassSignInAsksAgain(FxRobot fx) {
        String upn = newUser(fx, null);
        String pass = issue(upn, false);
        signInWithPass(upn, pass);
        robot.step(PromptStep.class);
        String session = kiosk.shell().securitySession().id();

        robot.click("#wizardCancel"); // Ask me later
        assertThat(robot.showing("#signedIn")).isTrue();
        assertThat(robot.showing("#openSecurityInfo")).as("Ask me later ended the session").isFalse();
        assertSessionOver(session);

        robot.click("#signOut");
        signInWithPass(upn, pass); // multi-use: good again
        robot.step(PromptStep.class);
        assertThat(robot.text("#stepTitle")).as("asked again").isEqualTo("More information required");
        robot.press(KeyCode.ESCAPE); // on the prompt, Escape is "Ask me later" too
        assertThat(robot.showing("#signedIn")).isTrue();
        robot.click("#signOut");
        assertThat(robot.showing("#signIn")).isTrue();
    }

    /** Wrong, unknown or never issued: one answer, worded for the pass, offering what a wrong password offers. */
    @Test
    void aWrongPassReadsLikeAWrongPassword(FxRobot fx) {
        String upn = newUser(fx, null);
        String pass = issue(upn, true);
        UserSignInResultDto wrongPassword = kiosk.client.signInUser(new UserSignInRequest(upn, "not-the-password"));
        String wrongPass = "The Temporary Access Pass didn't work: it's incorrect, expired or already used."
                + " Try again, or ask your helpdesk for a new one.";

        signInWithPass(upn, pass.substring(1) + "x");
        assertThat(robot.text("#signInMessage")).isEqualTo(wrongPass);
        assertThat(robot.text("#password")).as("the wrong pass is not kept").isEmpty();
        assertThat(robot.showing("#resetPassword")).as("as after a wrong password")
                .isEqualTo(wrongPassword.resetAvailable());
        assertThat(robot.showing("#signIn")).isTrue();

        robot.type("#userName", "nobody." + UUID.randomUUID().toString().substring(0, 8) + "@contoso.example")
                .type("#password", pass).press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).as("an unknown name reads the same").isEqualTo(wrongPass);
        robot.type("#userName", DemoServer.upn("adele.vance")).type("#password", pass).press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).as("someone else's pass reads the same").isEqualTo(wrongPass);

        robot.type("#userName", upn).click("#signInButton");
        assertThat(robot.text("#signInMessage")).isEqualTo("Enter your Temporary Access Pass.");
        robot.click("#signInWithPassword");
        assertThat(robot.text("#signInMessage")).as("a switch starts afresh").isEmpty();
        robot.type("#password", "not-the-password").press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).isEqualTo("The password is incorrect. Try again.");

        robot.click("#signInWithPass").type("#password", pass).press(KeyCode.ENTER);
        robot.step(PromptStep.class); // the wrong tries spent nothing
    }

    /** A locked account: the same answer and ways out as for a password, whether locked by the directory or by guesses. */
    @Test
    void aLockedAccountIsAnsweredAsForAPassword(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        String grady = DemoServer.upn("grady.archie"); // locked in the directory
        String gradysPass = issue(grady, true);
        signInWithPass(grady, gradysPass);
        assertThat(robot.text("#signInMessage")).isEqualTo("Your account is locked.");
        assertThat(robot.showing("#unlockAccount")).isTrue();
        robot.click("#unlockAccount");
        robot.step(VerifyStep.class);
        assertThat(robot.text("#userId")).isEqualTo(grady);
        robot.click("#wizardCancel");

        String upn = server.pilotUser("guess-" + UUID.randomUUID().toString().substring(0, 8), "en-US", null);
        String pass = issue(upn, false);
        for (int i = 0; i < 9; i++) { // different guesses: the same one repeated counts once
            assertThat(kiosk.client.signInUserWithPass(new PassSignInRequest(upn, "guess-" + i, null)).outcome())
                    .isEqualTo(UserSignInResultDto.Outcome.WRONG_PASSWORD);
        }
        signInWithPass(upn, "guess-9");
        assertThat(robot.text("#signInMessage")).startsWith("Your account is locked. Try again after ");
        String lockedByPass = robot.text("#signInMessage");
        robot.type("#password", pass).press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).as("even the right pass waits").isEqualTo(lockedByPass);
        robot.click("#signInWithPassword").type("#password", DemoServer.PASSWORD).press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).as("one lockout for both").isEqualTo(lockedByPass);
        assertThat(robot.showing("#signIn")).isTrue();
    }

    @Test
    void inSpanish(FxRobot fx) {
        String upn = newUser(fx, null);
        fx.clickOn("#languagePicker").clickOn("Español");
        robot.settle();
        assertThat(robot.text("#signInOptions")).isEqualTo("Opciones de inicio de sesión");
        robot.type("#userName", upn).click("#signInOptions");
        assertThat(robot.text("#signInWithPassword")).isEqualTo("Contraseña");
        assertThat(robot.text("#signInWithPass")).isEqualTo("Pase de acceso temporal");
        robot.click("#signInWithPass");
        assertThat(passwordField().getPromptText()).isEqualTo("Pase de acceso temporal");
        assertThat(robot.text("#signInMessage")).startsWith("Usa el pase que te dio el soporte técnico.");
        robot.press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).isEqualTo("Escribe tu pase de acceso temporal.");
        robot.type("#password", "not-a-pass").press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).startsWith("El pase de acceso temporal no funcionó");

        robot.type("#password", issue(upn, true)).press(KeyCode.ENTER);
        robot.step(PromptStep.class);
        assertThat(robot.text("#stepTitle")).as("the session speaks the kiosk's language")
                .isEqualTo("Se requiere más información");
    }

    /** A new pilot member (an alternate email pre-filled, if given) and the robot on an empty sign-in screen. */
    private String newUser(FxRobot fx, String alternateEmail) {
        this.fx = fx;
        robot = new KioskRobot(fx, kiosk).settle();
        return server.pilotUser("tap-" + UUID.randomUUID().toString().substring(0, 8), "en-US", alternateEmail);
    }

    /** A pass for {@code upn}, issued by the helpdesk through the API (an hour, 12 characters). */
    private String issue(String upn, boolean oneTime) {
        String id = helpdesk.userByUpn(upn).id();
        return helpdesk.helpdesk().issuePass(id, new TemporaryAccessPassRequest(60, oneTime, 12)).pass();
    }

    /** On the sign-in screen: the user name, "Sign-in options" → the pass, the pass, Enter. */
    private void signInWithPass(String upn, String pass) {
        robot.type("#userName", upn);
        if (!robot.showing("#signInWithPass")) {
            robot.click("#signInOptions");
        }
        robot.click("#signInWithPass").type("#password", pass).press(KeyCode.ENTER);
    }

    private SignInMethod method() {
        return kiosk.shell().signInPane().model().methodProperty().get();
    }

    private PasswordField passwordField() {
        return fx.lookup("#password").queryAs(PasswordField.class);
    }

    private String totp(String secret) {
        return Oathtool.totp(secret, server.clock().instant());
    }

    private void assertSessionOver(String session) {
        robot.settle();
        assertThatThrownBy(() -> kiosk.client.securityInfo(session)).as("the session has ended")
                .isInstanceOfSatisfying(OpenSsprApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SESSION_EXPIRED));
    }

    private void key(KeyCode... keys) {
        for (KeyCode key : keys) {
            fx.type(key);
            robot.settle();
        }
    }

    private String focused() {
        WaitForAsyncUtils.waitForFxEvents();
        Node owner = kiosk.kiosk.scene().getFocusOwner();
        return owner == null ? null : owner.getId();
    }
}
