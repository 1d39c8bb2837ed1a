package org.opensspr.kiosk;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.kiosk.done.DoneStep;
import org.opensspr.kiosk.newpassword.NewPasswordStep;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.writeback.SambaDomainController;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An on-premises user's new-password step against a real Samba AD DC (ADR 25): the checklist is the
 * directory's (length, AD's 3-of-5 ticked as typed; the account name and history as plain lines), with no
 * cloud rules, banned-password line or strength meter; a refusal is worded by its reason, in Spanish too.
 * With {@code -Dscreenshots.out=DIR} it also writes DIR/new-password-directory-policy.png.
 */
@ExtendWith(ApplicationExtension.class)
class DirectoryPolicyStepTest {
    private static final String OLD = "Old-Directory-Pass-1";
    private static SambaDomainController dc;
    private static DemoServer server;
    private TestKiosk kiosk;
    private Stage stage;

    @BeforeAll
    static void startServer() {
        dc = SambaDomainController.shared();
        server = DemoServer.withDirectory(dc.productionSettings());
        server.requireGates(1);
        // everyone in scope: the on-premises user made here is in none of the demo's groups
        var policies = server.server().server().policies();
        policies.update(policies.current().version(),
                policies.currentPolicy().withScope(org.opensspr.policy.ScopePolicy.all()), "test");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
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
    void theDirectorysRulesAreTheChecklistAndItsRefusalIsWordedByReason(FxRobot fx) throws LDAPException {
        String name = SambaDomainController.uniqueName("dana");
        String upn = name + "@contoso.example";
        String dn = dc.createUser(name, upn, OLD, new Attribute("displayName", "Dana Directory"));
        onPremisesUser(name, upn);

        KioskRobot robot = new KioskRobot(fx, kiosk).settle();
        robot.cantAccess(upn).identify(upn).choose("EMAIL");
        robot.enterCode(server.emailedCode(email(name)));
        robot.step(NewPasswordStep.class);

        // the fixture's domain policy: AD's defaults (length 7, complexity, history 24)
        assertThat(robot.text("#ruleLength")).isEqualTo("At least 7 characters");
        assertThat(robot.text("#ruleComplexity")).startsWith("At least 3 of these 5");
        assertThat(robot.text("#ruleAccountName")).startsWith("Not your account name");
        assertThat(robot.text("#ruleHistory")).startsWith("Not one of your last 24 passwords");
        assertThat(robot.showing("#ruleDirectoryDecides")).isTrue();
        assertThat(robot.showing("#ruleClasses")).as("no cloud rules").isFalse();
        assertThat(robot.showing("#ruleBanned")).as("no banned-password claim").isFalse();
        assertThat(robot.showing("#passwordStrength")).as("no strength meter").isFalse();
        robot.assertEveryControlNamed();

        robot.type("#newPassword", "harbour");
        assertThat(accessible(robot, "#ruleLength")).endsWith("requirement met");
        assertThat(accessible(robot, "#ruleComplexity")).endsWith("not met yet");
        robot.type("#newPassword", "Harbour7").type("#confirmPassword", "Harbour7");
        assertThat(accessible(robot, "#ruleComplexity")).endsWith("requirement met");
        screenshot(fx, "new-password-directory-policy");

        // the directory's policy changes after the step was shown (a fine-grained one, 20 characters): the kiosk
        // lets 17 characters go, the directory refuses them, and the kiosk words its reason in Spanish
        dc.createPasswordSettings(SambaDomainController.uniqueName("pso-"), 20, true, 24, java.time.Duration.ZERO, dn);
        fx.clickOn("#languagePicker");
        fx.clickOn("Español");
        robot.settle();
        assertThat(robot.text("#ruleComplexity")).startsWith("Al menos 3 de estos 5");
        robot.newPassword("Harbour-Lantern-7");
        assertThat(robot.text("#wizardMessage"))
                .isEqualTo("El directorio de tu organización necesita una contraseña más larga.");
        robot.step(NewPasswordStep.class);

        robot.newPassword("Harbour-Lantern-Kettle-7");
        robot.step(DoneStep.class);
        assertThat(dc.bind(dn, "Harbour-Lantern-Kettle-7").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }

    private static String accessible(KioskRobot robot, String id) {
        return robot.fx().lookup(id).queryLabeled().getAccessibleText();
    }

    private static String email(String name) {
        return "private-" + name + "@example.net";
    }

    private static void onPremisesUser(String name, String upn) {
        var directory = server.server().server().directory();
        UserDetailDto user = directory.createUser(DirectoryActor.system("test"), new UserWriteRequest(upn, "Dana",
                "Directory", "Dana Directory", UserSource.ON_PREMISES, true, false, upn, "en-US"));
        directory.updateContact(DirectoryActor.system("test"), user.id(), new ContactUpdateRequest(email(name), "", ""));
    }

    /** The scene as shown, when {@code -Dscreenshots.out} names a folder (as the screenshot tour does). */
    private void screenshot(FxRobot fx, String name) {
        String out = System.getProperty("screenshots.out");
        if (out == null || out.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        AtomicReference<WritableImage> image = new AtomicReference<>();
        fx.interact(() -> image.set(stage.getScene().snapshot(null)));
        BufferedImage picture = SwingFXUtils.fromFXImage(image.get(), null);
        BufferedImage rgb = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(picture, 0, 0, null);
        try {
            ImageIO.write(rgb, "png", Files.createDirectories(Path.of(out)).resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
