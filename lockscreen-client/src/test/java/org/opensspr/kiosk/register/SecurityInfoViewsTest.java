package org.opensspr.kiosk.register;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.ApiError;
import org.opensspr.api.AuthenticatorSetupDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.api.QuestionDto;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.api.SecurityQuestionsCatalogDto;
import org.opensspr.directory.RegistrationSource;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.kiosk.Kiosk;
import org.opensspr.kiosk.KioskSteps;
import org.opensspr.kiosk.branding.Branding;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.deadend.DeadEnd;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.register.SecurityInfoScreen.Mode;
import org.opensspr.kiosk.wizard.StepContext;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.kiosk.wizard.WizardDriver;
import org.opensspr.kiosk.wizard.WizardPane;
import org.opensspr.kiosk.wizard.WizardScreen;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.ui.a11y.AccessibleTextAudit;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every security-info screen renders from the data the server sends, in English and Spanish, with a name for
 * every control, and its buttons ask for the right action. No server here: the screens are built from DTOs as
 * the model builds them; the wizard against the real server is SecurityInfoWizardTest's. With
 * {@code -Dsecinfo.views.out=DIR} each screen is also written there as a PNG, to look at.
 */
@ExtendWith(ApplicationExtension.class)
class SecurityInfoViewsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private final ReadOnlyObjectWrapper<WizardScreen> screen = new ReadOnlyObjectWrapper<>();
    private final List<StepOutcome> performed = new ArrayList<>();
    private I18n i18n;
    private Scene scene;
    private WizardPane pane;

    @Start
    void start(Stage stage) {
        Themes.apply(ThemeMode.LIGHT);
        i18n = new I18n(Language.ENGLISH);
        WizardDriver driver = new WizardDriver() {
            @Override
            public ReadOnlyObjectProperty<WizardScreen> screenProperty() {
                return screen.getReadOnlyProperty();
            }

            @Override
            public ReadOnlyBooleanProperty workingProperty() {
                return new SimpleBooleanProperty(false);
            }

            @Override
            public ReadOnlyStringProperty messageKeyProperty() {
                return new SimpleStringProperty("");
            }

            @Override
            public ReadOnlyBooleanProperty messageIsErrorProperty() {
                return new SimpleBooleanProperty(false);
            }

            @Override
            public ReadOnlyBooleanProperty backAvailableProperty() {
                return new SimpleBooleanProperty(true);
            }

            @Override
            public String headingKey() {
                return "secinfo.heading";
            }

            @Override
            public String cancelKey() {
                return "secinfo.askLater";
            }

            @Override
            public void perform(StepOutcome outcome) {
                performed.add(outcome);
            }

            @Override
            public void back() {
            }

            @Override
            public void cancel() {
            }
        };
        Background background = new Background();
        BrandingModel branding = new BrandingModel(() -> new Branding("Contoso", null, null,
                new HelpdeskContactDto("https://helpdesk.contoso.example/password", "Contoso"), true), background);
        pane = new WizardPane(new StepContext(i18n, driver, branding, Clock.systemUTC()), KioskSteps.standard());
        pane.setMaxSize(720, Region.USE_PREF_SIZE);
        StackPane root = new StackPane(pane);
        root.getStyleClass().addAll("kiosk", "screen-layer");
        scene = new Scene(root, 1280, 800);
        Themes.style(scene, Kiosk.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        pane.attach();
    }

    @Test
    void everyScreenRendersWithNamedControls(FxRobot fx) throws IOException {
        SecurityInfoDto empty = info(SignInPrompt.REGISTER, List.of(), false);
        SecurityInfoDto some = info(SignInPrompt.CONFIRM, List.of(email(RegistrationSource.ADMIN_PREFILL),
                app()), true);
        List<SecurityInfoScreen> screens = List.of(
                new SecurityInfoScreen.Prompt(Mode.ASKED_AT_SIGN_IN, empty),
                new SecurityInfoScreen.Prompt(Mode.ASKED_AT_SIGN_IN, some),
                new SecurityInfoScreen.ChooseMethod(Mode.ASKED_AT_SIGN_IN, empty),
                new SecurityInfoScreen.Authenticator(Mode.ASKED_AT_SIGN_IN, empty, new AuthenticatorSetupDto(
                        "otpauth://totp/x", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", qr(), CodeFormat.digits(6), NOW)),
                new SecurityInfoScreen.EmailAddress(Mode.ASKED_AT_SIGN_IN, empty, "sam@fabrikam-mail.example"),
                new SecurityInfoScreen.EmailCode(Mode.ASKED_AT_SIGN_IN, empty, "sam@fabrikam-mail.example",
                        new ChallengeDto(AuthMethod.EMAIL, "s•••@f•••.example", CodeFormat.digits(8), List.of(), NOW,
                                Instant.now().plusSeconds(30))),
                new SecurityInfoScreen.Questions(Mode.ASKED_AT_SIGN_IN, empty, catalog(),
                        new ReadOnlyObjectWrapper<List<ApiError.FieldError>>(List.of()).getReadOnlyProperty()),
                new SecurityInfoScreen.Overview(Mode.OPENED, some),
                new SecurityInfoScreen.ChooseProof(Mode.OPENED, some),
                new SecurityInfoScreen.Prove(Mode.OPENED, some, Registration.EMAIL, new ChallengeDto(AuthMethod.EMAIL,
                        "s•••@f•••.example", CodeFormat.digits(8), List.of(), NOW, null)),
                new SecurityInfoScreen.Delete(Mode.OPENED, some, some.registered().getFirst()),
                new SecurityInfoScreen.Done(Mode.ASKED_AT_SIGN_IN, some),
                new SecurityInfoScreen.Stopped(Mode.ASKED_AT_SIGN_IN, new DeadEnd(DeadEnd.Kind.SERVER_UNREACHABLE, null,
                        new HelpdeskContactDto("https://helpdesk.contoso.example/password", "Contoso"))));
        for (Language language : Language.values()) {
            fx.interact(() -> i18n.use(language));
            for (SecurityInfoScreen each : screens) {
                fx.interact(() -> screen.set(each));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(AccessibleTextAudit.unnamedControls(scene.getRoot())).as(each.getClass().getSimpleName())
                        .isEmpty();
                assertThat(fx.lookup(".label").queryAll().stream().map(n -> ((Label) n).getText()))
                        .as("no missing text on " + each.getClass().getSimpleName())
                        .noneMatch(text -> text != null && text.startsWith("!"));
                snapshot(fx, language.name().toLowerCase() + "-" + each.getClass().getSimpleName()
                        + (each instanceof SecurityInfoScreen.Prompt p && p.info().prompt() == SignInPrompt.CONFIRM
                        ? "-confirm" : ""));
            }
        }
    }

    @Test
    void theOverviewsButtonsAskForTheirAction(FxRobot fx) {
        SecurityInfoDto some = info(SignInPrompt.NONE, List.of(email(RegistrationSource.USER), app()), false);
        fx.interact(() -> screen.set(new SecurityInfoScreen.Overview(Mode.OPENED, some)));
        fx.clickOn("#delete-EMAIL");
        fx.clickOn("#change-AUTHENTICATOR_APP");
        fx.clickOn("#addMethod");
        assertThat(performed).containsExactly(new SecurityInfoAction.AskDelete(Registration.EMAIL),
                new SecurityInfoAction.Add(Registration.AUTHENTICATOR_APP), new SecurityInfoAction.ChooseMethod());
        assertThat(fx.lookup("#change-EMAIL").queryButton().getAccessibleText()).isEqualTo("Change Alternate email");
        assertThat(fx.lookup("#display-EMAIL").queryLabeled().getText()).isEqualTo("s•••@f•••.example");
    }

    private void snapshot(FxRobot fx, String name) throws IOException {
        String out = System.getProperty("secinfo.views.out");
        if (out == null) {
            return;
        }
        Path directory = Files.createDirectories(Path.of(out));
        var image = new java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage>();
        fx.interact(() -> image.set(scene.snapshot(null)));
        ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", directory.resolve(name + ".png").toFile());
    }

    private static SecurityInfoDto info(SignInPrompt prompt, List<RegisteredInfoDto> registered, boolean proof) {
        return new SecurityInfoDto(prompt, registered, List.of(Registration.AUTHENTICATOR_APP, Registration.EMAIL,
                Registration.SECURITY_QUESTIONS), 2, registered.size(), proof, NOW.plusSeconds(900));
    }

    private static RegisteredInfoDto email(RegistrationSource source) {
        return new RegisteredInfoDto(Registration.EMAIL, "s•••@f•••.example", source, true, NOW);
    }

    private static RegisteredInfoDto app() {
        return new RegisteredInfoDto(Registration.AUTHENTICATOR_APP, "Authenticator app", RegistrationSource.USER,
                true, NOW);
    }

    private static SecurityQuestionsCatalogDto catalog() {
        return new SecurityQuestionsCatalogDto(3, List.of(new QuestionDto("FIRST_PET", "What was the name of your first pet?"),
                new QuestionDto("FAVORITE_FOOD", "What is your favorite food?"),
                new QuestionDto("CHILDHOOD_HERO", "Who was your childhood hero?")), 3, 40, List.of());
    }

    /** A small black-and-white picture standing in for the server's QR code. */
    private static String qr() {
        var image = new java.awt.image.BufferedImage(29, 29, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 29; x++) {
            for (int y = 0; y < 29; y++) {
                image.setRGB(x, y, ((x * 7 + y * 13) % 5 < 2 || x < 7 && y < 7) ? 0 : 0xFFFFFF);
            }
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
