package org.opensspr.kiosk;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.kiosk.branding.BrandingSource;
import org.opensspr.kiosk.connection.CredentialStore;
import org.opensspr.kiosk.connection.ServerConnection;
import org.opensspr.kiosk.enroll.EnrollmentPane;
import org.opensspr.kiosk.enroll.EnrollmentPaneModel;
import org.opensspr.kiosk.hardening.AdminPin;
import org.opensspr.kiosk.hardening.Countdown;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;

import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Function;

/**
 * Start-up on a stage: connect as {@link ServerConnection} decides, or show enrollment first and connect
 * with the credential it brings; then the kiosk. KioskApp uses it on the real stage, tests on theirs.
 */
public final class KioskLauncher {
    private final KioskOptions options;
    private final Background background;
    private final Language language;
    private final AdminPin pin;
    private final Runnable exit;
    private final Function<OpenSsprClient, BrandingSource> branding;
    private final PrintStream console;
    private Kiosk kiosk;
    private OpenSsprClient client;

    public KioskLauncher(KioskOptions options, Background background, Language language, AdminPin pin, Runnable exit,
                         Function<OpenSsprClient, BrandingSource> branding, PrintStream console) {
        this.options = options;
        this.background = background;
        this.language = language;
        this.pin = pin;
        this.exit = exit;
        this.branding = branding;
        this.console = console;
    }

    /** Puts the first scene on {@code stage} (sized {@code width} × {@code height}); call on the FX thread. */
    public void launch(Stage stage, double width, double height) {
        Themes.apply(ThemeMode.LIGHT);
        I18n i18n = new I18n(language);
        CredentialStore store = new CredentialStore(options.settingsDirectory());
        switch (ServerConnection.plan(options, store)) {
            case ServerConnection.Plan.Ready ready -> {
                console.println("opensspr kiosk: " + options.serverUrl() + " (" + ready.how() + ")");
                stage.setScene(kioskScene(ready.client(), i18n, width, height));
            }
            case ServerConnection.Plan.NeedsEnrollment needs -> {
                EnrollmentPane enrollment = new EnrollmentPane(new EnrollmentPaneModel(needs.serverUrl(),
                        options.fingerprint(), store, background, enrolled -> {
                    console.println("opensspr kiosk: enrolled; credential kept in " + store.file());
                    stage.setScene(kioskScene(enrolled, i18n, width, height));
                }), i18n);
                Scene scene = new Scene(enrollment, width, height);
                Themes.style(scene, Kiosk.STYLESHEET);
                stage.setScene(scene);
                enrollment.model().probe();
                Platform.runLater(enrollment.initialFocus()::requestFocus);
            }
        }
    }

    private Scene kioskScene(OpenSsprClient connected, I18n i18n, double width, double height) {
        client = connected;
        KioskServices services = new KioskServices(connected, background, i18n,
                new BrandingModel(branding.apply(connected), background), Clock.systemDefaultZone(),
                KioskSteps.standard(), language, Countdown.of(options.idleTimeout()));
        kiosk = new Kiosk(services, pin, exit, width, height);
        return kiosk.scene();
    }

    /** The running kiosk, once connected (null while enrolling). */
    public Kiosk kiosk() {
        return kiosk;
    }

    /** Ends any open flow and releases the connection. */
    public void stop() {
        if (kiosk != null) {
            kiosk.stop();
            kiosk.shell().closeNow();
        }
        if (client != null) {
            client.close();
        }
    }
}
