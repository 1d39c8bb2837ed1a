package org.opensspr.kiosk;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.kiosk.register.AllSetStep;
import org.opensspr.kiosk.register.ChooseMethodStep;
import org.opensspr.kiosk.register.ChooseProofStep;
import org.opensspr.kiosk.register.DeleteStep;
import org.opensspr.kiosk.register.OverviewStep;
import org.opensspr.kiosk.register.PromptStep;
import org.opensspr.kiosk.register.ProveStep;
import org.opensspr.kiosk.wizard.FlowStepView;
import org.opensspr.methods.AuthMethod.Registration;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Is your security info still current?" (issue 12): info an administrator pre-filled, confirmed with
 * "Looks good"; the reconfirmation the policy asks for after its days (the server's test clock moves past
 * them), proven with a registered method first; and the Security info page reached from the signed-in
 * screen, where a method is deleted and another added, each after the re-proof the server asks for.
 */
@ExtendWith(ApplicationExtension.class)
class SecurityInfoConfirmTest {
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
    void infoAnAdministratorPreFilledIsConfirmedWithLooksGood(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        String alias = "prefill-" + UUID.randomUUID().toString().substring(0, 8);
        String address = alias + "@fabrikam-mail.example";
        String upn = server.pilotUser(alias, "en-US", address, "+1 425 555 0100");
        signIn(upn);

        robot.step(PromptStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Is your security info still current?");
        assertThat(robot.text("#stepIntro")).startsWith("Your organization added this security info for you.");
        assertThat(robot.showing("#registered-EMAIL")).isTrue();
        assertThat(robot.text("#display-EMAIL")).as("masked").doesNotContain(alias).contains("•");
        assertThat(robot.text("#wizardNext")).isEqualTo("Looks good");
        robot.assertEveryControlNamed().next();
        proveByEmailIfAsked(address);

        robot.step(AllSetStep.class);
        robot.next();
        assertThat(robot.showing("#signedIn")).isTrue();
        robot.click("#signOut");
        signIn(upn);
        assertThat(robot.showing("#signedIn")).as("confirmed: not asked again").isTrue();
    }

    @Test
    void reconfirmAfterThePolicysDaysThenChangeOnTheSecurityInfoPage(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        String adele = DemoServer.upn("adele.vance");
        signIn(adele);
        assertThat(robot.showing("#signedIn")).as("registered 10 days ago: not asked").isTrue();
        robot.click("#signOut");

        server.advanceClock(Duration.ofDays(200)); // the demo policy reconfirms after 180 days
        signIn(adele);
        robot.step(PromptStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Is your security info still current?");
        assertThat(robot.text("#stepIntro")).startsWith("It has been a while");
        robot.next(); // Looks good
        robot.step(ChooseProofStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("First, verify it's you");
        robot.assertEveryControlNamed().click("#prove-AUTHENTICATOR_APP").next();
        robot.step(ProveStep.class);
        robot.enterCode(server.totp());
        robot.step(AllSetStep.class);
        robot.next();
        assertThat(robot.showing("#signedIn")).isTrue();

        // The Security info page, from the signed-in screen
        robot.click("#openSecurityInfo");
        robot.step(OverviewStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Security info");
        assertThat(robot.showing("#wizardCancel")).as("Close would only repeat Done").isFalse();
        robot.assertEveryControlNamed();
        robot.click("#delete-EMAIL");
        robot.step(DeleteStep.class);
        assertThat(robot.text("#stepTitle")).isEqualTo("Delete your alternate email?");
        robot.press(KeyCode.ESCAPE);
        robot.step(OverviewStep.class);
        robot.click("#delete-EMAIL").next();
        if (robot.step() instanceof ProveStep) {
            server.advanceClock(Duration.ofSeconds(30)); // a new app code: each is accepted once
            robot.enterCode(server.totp());
        }
        robot.step(OverviewStep.class);
        assertThat(robot.text("#wizardMessage")).isEqualTo("The method was deleted.");
        assertThat(robot.showing("#registered-EMAIL")).isFalse();
        assertThat(server.registered(adele)).doesNotContain(Registration.EMAIL);

        robot.click("#addMethod");
        robot.step(ChooseMethodStep.class);
        robot.click("#add-EMAIL").next();
        if (robot.step() instanceof ProveStep) {
            server.advanceClock(Duration.ofSeconds(30));
            robot.enterCode(server.totp());
        }
        String address = "adele.new@fabrikam-mail.example";
        robot.type("#emailAddress", address).next();
        robot.enterCode(server.emailedCode(address));
        robot.step(OverviewStep.class);
        assertThat(robot.text("#wizardMessage")).isEqualTo("Saved. This method is ready to use.");
        assertThat(robot.showing("#registered-EMAIL")).isTrue();
        robot.next(); // Done
        assertThat(robot.showing("#signedIn")).isTrue();
    }

    private void proveByEmailIfAsked(String address) {
        FlowStepView step = robot.step();
        if (step instanceof ChooseProofStep) {
            robot.click("#prove-EMAIL").next();
        }
        if (robot.step() instanceof ProveStep) {
            robot.enterCode(server.emailedCode(address));
        }
    }

    private void signIn(String upn) {
        robot.type("#userName", upn).type("#password", DemoServer.PASSWORD).press(KeyCode.ENTER);
    }
}
