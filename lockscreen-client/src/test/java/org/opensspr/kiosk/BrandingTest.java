package org.opensspr.kiosk;

import javafx.scene.image.ImageView;
import javafx.scene.layout.BackgroundImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.BrandingAssetDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.kiosk.verify.VerifyStep;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.api.TestAdmins;
import org.opensspr.server.api.TestImages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The organization's name, logo, background and unlock choice come from the server's branding (GET /branding). */
@ExtendWith(ApplicationExtension.class)
class BrandingTest {
    private static DemoServer server;
    private static String logoId;
    private static String backgroundId;
    private TestKiosk kiosk;
    private KioskRobot robot;

    @BeforeAll
    static void startServer() {
        server = DemoServer.start();
        try (OpenSsprClient admin = TestAdmins.client(server.server(), Role.GLOBAL_ADMINISTRATOR)) {
            BrandingAssetDto logo = admin.uploadBrandingAsset(TestImages.image("png", 240, 80), "image/png");
            BrandingAssetDto background = admin.uploadBrandingAsset(TestImages.image("png", 320, 200), "image/png");
            logoId = logo.id();
            backgroundId = background.id();
        }
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Start
    void start(Stage stage) {
        policy(p -> p.withCustomization(new CustomizationPolicy(true, "helpdesk@contoso.example", "Contoso Pharmaceuticals",
                logoId, backgroundId)).withOnPremises(new OnPremisesPolicy(true, true)));
        kiosk = TestKiosk.on(stage).server(server.url()).show();
    }

    @AfterEach
    void closeKiosk() {
        kiosk.close();
    }

    @Test
    void theSignInScreenShowsTheOrganization(FxRobot fx) {
        robot = new KioskRobot(fx, kiosk).settle();
        assertThat(robot.text("#organizationName")).isEqualTo("Contoso Pharmaceuticals");
        assertThat(fx.lookup(".organization-badge .image-view").queryAs(ImageView.class).getImage()).isNotNull();
        Region background = (Region) kiosk.shell().root().lookup("#backgroundImage");
        assertThat(background.isVisible()).as("the background").isTrue();
        BackgroundImage picture = background.getBackground().getImages().getFirst();
        assertThat(picture.getImage().getWidth() / picture.getImage().getHeight()).as("not distorted").isEqualTo(320.0 / 200);
        assertThat(picture.getSize().isCover()).as("fills the screen, cropped rather than stretched").isTrue();
        fx.clickOn("#accessibilityMenu").clickOn("High contrast");
        assertThat(background.isVisible()).as("high contrast: plain black behind the text").isFalse();
        fx.clickOn("#accessibilityMenu").clickOn("High contrast");
        assertThat(background.isVisible()).isTrue();

        robot.cantAccess(DemoServer.upn("allan.deyoung"));
        assertThat(robot.text("#stepTitle")).as("unlocking is offered").isEqualTo("Why are you having trouble signing in?");
        robot.next().identify(DemoServer.upn("allan.deyoung"));
        assertThat(robot.text("#helpdeskContact")).isEqualTo("Contact your helpdesk: helpdesk@contoso.example");
    }

    @Test
    void withoutUnlockingACantAccessGoesStraightToTheReset(FxRobot fx) {
        policy(p -> p.withOnPremises(new OnPremisesPolicy(true, false)));
        robot = new KioskRobot(fx, kiosk);
        fx.interact(() -> kiosk.shell().showSignIn(null)); // back at the sign-in screen the branding is read again
        robot.settle();
        robot.click("#cantAccess");
        robot.step(VerifyStep.class);
        robot.click("#wizardCancel");

        robot.type("#userName", DemoServer.upn("grady.archie")).type("#password", DemoServer.PASSWORD).click("#signInButton");
        assertThat(robot.text("#signInMessage")).isEqualTo("Your account is locked.");
        assertThat(robot.showing("#unlockAccount")).isFalse();
        assertThat(robot.showing("#resetPassword")).isTrue();
    }

    private static void policy(UnaryOperator<SsprPolicy> change) {
        var policies = server.server().server().policies();
        policies.update(policies.current().version(), change.apply(policies.currentPolicy()), "test");
    }
}
