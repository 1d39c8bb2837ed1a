package org.opensspr.console;

import org.opensspr.console.support.ConsoleDriver;
import org.opensspr.console.support.Snapshots;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.UploadLimits;
import org.opensspr.console.customization.BrandingSlot;
import org.opensspr.console.customization.CustomizationPane;
import org.opensspr.console.customization.KioskPreview;
import org.opensspr.console.protection.ProtectionPane;
import org.opensspr.directory.Role;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.KioskNetworkPolicy;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.api.TestImages;
import org.opensspr.server.testing.SharedServer;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SharedServer
@ExtendWith(ApplicationExtension.class)
class CustomizationPaneTest {
    private static InProcessServer server;
    private ConsoleDriver console;

    @Start
    void start(Stage stage) {
        console = new ConsoleDriver(new FxRobot(), server);
        console.start(stage);
    }

    @Test
    void helpdeskNameAndImagesAreCheckedSavedAndShownAgainAfterSigningIn(FxRobot robot) throws IOException {
        console.signInAs(Role.AUTHENTICATION_POLICY_ADMINISTRATOR);
        console.open("customization");
        CustomizationPane pane = console.find(CustomizationPane.class);
        int before = server.server().policies().current().version();

        console.click("#customization-link-yes");
        console.type("#helpdeskContact", "call Sam");
        Image untouched = preview(robot).getImage();
        console.type("#organizationName", "Contoso Pharmaceuticals");
        assertThat(kioskScreen(robot).lookup("#organizationName")).as("the kiosk's own screen follows the typing")
                .isInstanceOfSatisfying(Label.class, name -> assertThat(name.getText()).isEqualTo("Contoso Pharmaceuticals"));
        assertThat(preview(robot).getImage()).as("and is drawn again").isNotSameAs(untouched);
        assertThat(preview(robot).getAccessibleText()).isEqualTo("Preview of the kiosk's sign-in screen");
        console.reveal(robot.lookup(".kiosk-preview").query());
        console.snapshots("customization-preview-default");
        int plainCorner = corner(preview(robot).getImage());
        upload(robot, pane, BrandingSlot.LOGO, image("logo.png", TestImages.image("png", 300, 90)));
        upload(robot, pane, BrandingSlot.BACKGROUND, image("bg.jpg", TestImages.image("jpg", 640, 400)));
        assertThat(console.text("#logoStatus")).isEqualTo("Uploaded logo.png (300 × 90 pixels). Save to show it at the kiosks.");
        assertThat(kioskScreen(robot).lookup(".organization-badge .image-view")).isInstanceOfSatisfying(ImageView.class,
                logo -> assertThat(logo.getImage().getWidth()).isEqualTo(300));
        assertThat(corner(preview(robot).getImage())).as("the background is in the picture").isNotEqualTo(plainCorner);

        console.save();
        assertThat(console.fieldErrors()).containsExactly("\"call Sam\" is neither an email address nor an http(s) URL.");
        assertThat(server.server().policies().current().version()).isEqualTo(before);
        console.snapshots("customization-invalid");

        console.type("#helpdeskContact", "https://support.contoso.example/");
        console.save();
        assertThat(console.fieldErrors()).isEmpty();
        CustomizationPolicy saved = server.server().policies().current().policy().customization();
        assertThat(saved.customHelpdeskLink()).isTrue();
        assertThat(saved.helpdeskEmailOrUrl()).isEqualTo("https://support.contoso.example/");
        assertThat(saved.organizationName()).isEqualTo("Contoso Pharmaceuticals");
        assertThat(saved.logoAssetId()).isEqualTo(pane.model().slot(BrandingSlot.LOGO).assetId().get()).isNotEmpty();
        assertThat(saved.backgroundAssetId()).isNotEmpty();

        // Kiosks only on their own network now; the administrator's console still gets the images.
        var policies = server.server().policies();
        policies.update(policies.current().version(), policies.currentPolicy()
                .withKioskNetworks(new KioskNetworkPolicy(List.of("10.20.0.0/16"))), "test");
        console.signOut();
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("customization");
        assertThat(console.text("#helpdeskContact")).isEqualTo("https://support.contoso.example/");
        assertThat(console.text("#organizationName")).isEqualTo("Contoso Pharmaceuticals");
        CustomizationPane reloaded = console.find(CustomizationPane.class);
        Image logo = reloaded.model().slot(BrandingSlot.LOGO).image().get();
        assertThat(logo).as("downloaded again from the server").isNotNull();
        assertThat(logo.getWidth()).isEqualTo(300);
        assertThat(reloaded.model().slot(BrandingSlot.BACKGROUND).image().get().getHeight()).isEqualTo(400);
        assertThat(AccessibleTextAudit.unnamedControls(reloaded)).isEmpty();
        console.snapshots("customization");
        console.reveal(robot.lookup(".kiosk-preview").query());
        console.snapshots("customization-preview");

        console.click("#remove-logo");
        console.type("#organizationName", "Fabrikam");
        console.open("protection");
        console.type("#tryPassword", "Fabrikam-Qx!");
        assertThat(console.text("#tryMatched")).as("the unsaved organization name is a banned term")
                .isEqualTo("Banned terms matched: fabrikam");
        assertThat(console.find(ProtectionPane.class).model().isDirty()).isFalse();
        console.save();
        assertThat(server.server().policies().current().policy().customization().logoAssetId()).isEmpty();
    }

    @Test
    void filesThatArentImagesAreRefusedWithTheReason(FxRobot robot) throws IOException {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("customization");
        CustomizationPane pane = console.find(CustomizationPane.class);

        upload(robot, pane, BrandingSlot.LOGO, image("notes.png", "not a picture".getBytes(StandardCharsets.UTF_8)));
        assertThat(console.text("#logoStatus")).isEqualTo("That file isn't a PNG or JPEG image.");
        upload(robot, pane, BrandingSlot.LOGO, image("broken.png", TestImages.truncated(TestImages.image("png", 200, 200), 0.5)));
        assertThat(console.text("#logoStatus")).startsWith("The server refused the image: ");
        assertThat(robot.lookup("#logoStatus").queryAs(Label.class).getStyleClass()).contains("field-error");
        assertThat(pane.model().slot(BrandingSlot.LOGO).assetId().get()).isEmpty();
        assertThat(pane.model().isDirty()).isFalse();
    }

    /** The console checks an image against the server's own limit before sending it: at the limit it goes, past it not. */
    @Test
    void anImageIsCheckedAgainstTheServersLimitBeforeItIsSent(FxRobot robot) throws IOException {
        console.signInAs(Role.GLOBAL_ADMINISTRATOR);
        console.open("customization");
        CustomizationPane pane = console.find(CustomizationPane.class);
        byte[] png = TestImages.image("png", 64, 64);

        upload(robot, pane, BrandingSlot.LOGO, image("over.png", Arrays.copyOf(png, UploadLimits.BRANDING_IMAGE_BYTES + 1)));
        assertThat(console.text("#logoStatus")).as("said at once, not the server's refusal")
                .isEqualTo("That file is larger than 5 MB, more than the server accepts. Choose a smaller image.");
        assertThat(robot.lookup("#logoStatus").queryAs(Label.class).getStyleClass()).contains("field-error");
        assertThat(pane.model().slot(BrandingSlot.LOGO).assetId().get()).isEmpty();

        upload(robot, pane, BrandingSlot.LOGO, image("at.png", Arrays.copyOf(png, UploadLimits.BRANDING_IMAGE_BYTES)));
        assertThat(console.text("#logoStatus")).isEqualTo("Uploaded at.png (64 × 64 pixels). Save to show it at the kiosks.");
    }

    @Test
    void aReportsReaderSeesCustomizationReadOnly(FxRobot robot) {
        console.signInAs(Role.REPORTS_READER);
        console.open("customization");
        int before = server.server().policies().current().version();

        assertThat(robot.lookup(".read-only-note").queryLabeled().isVisible()).isTrue();
        assertThat(robot.lookup("#organizationName").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#helpdeskContact").queryAs(TextField.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#choose-logo").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#customization-link-yes").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#saveButton").query().isVisible()).isFalse();
        assertThat(AccessibleTextAudit.unnamedControls(console.find(CustomizationPane.class))).isEmpty();
        assertThat(server.server().policies().current().version()).isEqualTo(before);
    }

    private static ImageView preview(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#kioskPreview").queryAs(ImageView.class);
    }

    private static Parent kioskScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".kiosk-preview").queryAs(KioskPreview.class).kiosk().screen();
    }

    /** A pixel near the picture's lower right corner, where only the background shows. */
    private static int corner(Image picture) {
        return picture.getPixelReader().getArgb((int) picture.getWidth() - 400, (int) picture.getHeight() - 200);
    }

    private void upload(FxRobot robot, CustomizationPane pane, BrandingSlot slot, Path file) {
        robot.interact(() -> pane.model().upload(slot, file)); // what "Choose image…" does with the chosen file
        console.waitIdle();
    }

    private static Path image(String name, byte[] bytes) throws IOException {
        Path file = Files.createTempDirectory("branding").resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
