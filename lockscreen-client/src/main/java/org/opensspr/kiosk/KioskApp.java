package org.opensspr.kiosk;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.branding.ServerBranding;
import org.opensspr.kiosk.connection.CredentialStore;
import org.opensspr.kiosk.connection.ServerConnection;
import org.opensspr.kiosk.enroll.EnrollmentPane;
import org.opensspr.kiosk.enroll.EnrollmentPaneModel;
import org.opensspr.kiosk.hardening.AdminPin;
import org.opensspr.kiosk.hardening.AdminPinSource;
import org.opensspr.kiosk.hardening.KioskWindow;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.kiosk.i18n.Language;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;

import java.time.Clock;
import java.util.Locale;

/** The JavaFX application: connect (or enroll first), then the kiosk, full screen. */
public final class KioskApp extends Application {
    private final Background background = new Background();
    private Kiosk kiosk;
    private OpenSsprClient client;

    @Override
    public void start(Stage stage) {
        KioskOptions options = KioskOptions.parse(getParameters().getRaw().toArray(String[]::new));
        Language language = options.language(Locale.getDefault());
        I18n i18n = new I18n(language);
        AdminPin pin = AdminPinSource.resolve(System.getenv(), options.settingsDirectory(), System.out);
        CredentialStore store = new CredentialStore(options.settingsDirectory());
        Themes.apply(ThemeMode.LIGHT);
        KioskWindow.harden(stage, options.windowed());
        double width = options.windowed() ? 1280 : Screen.getPrimary().getBounds().getWidth();
        double height = options.windowed() ? 800 : Screen.getPrimary().getBounds().getHeight();
        switch (ServerConnection.plan(options, store)) {
            case ServerConnection.Plan.Ready ready -> {
                System.out.println("opensspr kiosk: " + options.serverUrl() + " (" + ready.how() + ")");
                stage.setScene(kioskScene(ready.client(), i18n, language, options, pin, width, height));
            }
            case ServerConnection.Plan.NeedsEnrollment needs -> {
                EnrollmentPane enrollment = new EnrollmentPane(new EnrollmentPaneModel(needs.serverUrl(),
                        options.fingerprint(), store, background, enrolled -> {
                    System.out.println("opensspr kiosk: enrolled; credential kept in " + store.file());
                    stage.setScene(kioskScene(enrolled, i18n, language, options, pin, width, height));
                }), i18n);
                Scene scene = new Scene(enrollment, width, height);
                Themes.style(scene, Kiosk.STYLESHEET);
                stage.setScene(scene);
                enrollment.model().probe();
                Platform.runLater(enrollment.initialFocus()::requestFocus);
            }
        }
        stage.show();
    }

    private Scene kioskScene(OpenSsprClient connected, I18n i18n, Language language, KioskOptions options,
                             AdminPin pin, double width, double height) {
        client = connected;
        BrandingModel branding = new BrandingModel(new ServerBranding(connected), background);
        KioskServices services = new KioskServices(connected, background, i18n, branding, Clock.systemDefaultZone(),
                KioskSteps.standard(), language, options.idleTimeout());
        kiosk = new Kiosk(services, pin, Platform::exit, width, height);
        return kiosk.scene();
    }

    @Override
    public void stop() {
        if (kiosk != null) {
            kiosk.stop();
            if (kiosk.shell().wizard() != null) {
                kiosk.shell().wizard().close();
            }
        }
        background.close();
        if (client != null) {
            client.close();
        }
    }
}
