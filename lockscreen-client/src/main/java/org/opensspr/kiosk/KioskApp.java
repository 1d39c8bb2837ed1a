package org.opensspr.kiosk;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.opensspr.kiosk.branding.ServerBranding;
import org.opensspr.kiosk.hardening.AdminPinSource;
import org.opensspr.kiosk.hardening.KioskWindow;
import org.opensspr.ui.startup.FirstFrame;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;

import java.util.Locale;

/** The JavaFX application: full screen, then {@link KioskLauncher} connects (or enrolls) and shows the kiosk. */
public final class KioskApp extends Application {
    private final Background background = new Background();
    private KioskLauncher launcher;

    @Override
    public void start(Stage stage) {
        KioskOptions options = KioskOptions.parse(getParameters().getRaw().toArray(String[]::new));
        Themes.apply(ThemeMode.LIGHT);
        KioskWindow.harden(stage, options.windowed());
        launcher = new KioskLauncher(options, background, options.language(Locale.getDefault()),
                AdminPinSource.resolve(System.getenv(), options.settingsDirectory(), System.out), Platform::exit,
                ServerBranding::new, System.out);
        double width = options.windowed() ? 1280 : Screen.getPrimary().getBounds().getWidth();
        double height = options.windowed() ? 800 : Screen.getPrimary().getBounds().getHeight();
        launcher.launch(stage, width, height);
        FirstFrame.watch(stage, "kiosk");
        stage.show();
    }

    @Override
    public void stop() {
        if (launcher != null) {
            launcher.stop();
        }
        background.close();
    }
}
