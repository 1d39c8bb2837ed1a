package org.opensspr.kiosk;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.gates.SecurityQuestionsGate;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.opensspr.kiosk.verify.VerifyStep;
import org.opensspr.ui.i18n.Language;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** The on-screen language picker re-words every screen at once, mid-flow too, keeping what was typed. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
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
        kiosk = TestKiosk.on(stage).server(server.url()).show();
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void switchingToSpanishAndBack(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        assertThat(robot.text("#languagePicker")).isEqualTo("ENG");
        pick(fx, "Español");
        assertThat(robot.text("#languagePicker")).isEqualTo("ESP");
        assertThat(robot.text("#otherUserTile")).isEqualTo("Otro usuario");
        assertThat(robot.text("#cantAccess")).isEqualTo("¿No puedes acceder a tu cuenta?");
        robot.assertEveryControlNamed();

        robot.type("#userName", DemoServer.upn("alex.wilber")).type("#password", "otra-cosa").press(KeyCode.ENTER);
        assertThat(robot.text("#signInMessage")).isEqualTo("La contraseña no es correcta. Inténtalo de nuevo.");
        assertThat(robot.text("#resetPassword")).isEqualTo("Restablecer contraseña");

        robot.click("#resetPassword");
        robot.step(VerifyStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("¿Quién eres?");
        assertThat(robot.text("#wizardNext")).isEqualTo("Siguiente");
        robot.type("#captchaAnswer", "OPEN");

        pick(fx, "English");
        robot.step(VerifyStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Who are you?");
        assertThat(robot.text("#wizardCancel")).isEqualTo("Cancel");
        assertThat(robot.text("#userId")).as("what was typed stays").isEqualTo(DemoServer.upn("alex.wilber"));
        assertThat(robot.text("#captchaAnswer")).isEqualTo("OPEN");
    }

    @Test
    void aKioskStartedInSpanish(FxRobot fx) {
        fx.interact(() -> {
            kiosk.close();
            kiosk = TestKiosk.on(stage).server(server.url()).language(Language.SPANISH).show();
        });
        robot = new KioskRobot(fx, kiosk).settle();
        assertThat(robot.text("#otherUserTile")).isEqualTo("Otro usuario");
        assertThat(robot.text("#clockDate")).as("a Spanish date").matches("[A-ZÁÉÍÓÚ][a-záéíóú]+, \\d{1,2} de [a-z]+");
        robot.click("#cantAccess");
        assertThat(robot.text("#stepTitle")).isEqualTo("¿Por qué tienes problemas para iniciar sesión?");
    }

    @Test
    void securityQuestionsAskedInSpanish(FxRobot fx) {
        server.requireGates(1);
        fx.interact(() -> {
            kiosk.close();
            kiosk = TestKiosk.on(stage).server(server.url()).branding(TestKiosk.CONTOSO.withoutUnlock())
                    .language(Language.SPANISH).show();
        });
        robot = new KioskRobot(fx, kiosk).settle();
        String diego = DemoServer.upn("diego.siciliani");
        robot.cantAccess(diego).identify(diego).choose("SECURITY_QUESTIONS");
        robot.step(SecurityQuestionsGate.class);

        var questions = fx.lookup(".question-list .field-label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(questions).isNotEmpty().allSatisfy(q -> assertThat(q).as("a Spanish question").startsWith("¿"));
        for (int i = 0; i < questions.size(); i++) {
            String q = questions.get(i);
            robot.type("#answer" + i, q.contains("mascota") ? "Rex" : q.contains("comida") ? "pho" : "Ada Lovelace");
        }
        robot.next();
        robot.step(NewPasswordStep.class);
    }

    private void pick(FxRobot fx, String language) {
        fx.clickOn("#languagePicker");
        fx.clickOn(language);
        robot.settle();
    }
}
