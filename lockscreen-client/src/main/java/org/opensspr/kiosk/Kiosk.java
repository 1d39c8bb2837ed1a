package org.opensspr.kiosk;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.opensspr.kiosk.hardening.AdminExit;
import org.opensspr.kiosk.hardening.AdminPin;
import org.opensspr.kiosk.hardening.IdleTimer;
import org.opensspr.ui.a11y.EnterActivatesFocusedButton;
import org.opensspr.ui.theme.ThemeMode;
import org.opensspr.ui.theme.Themes;

import java.util.Objects;

/**
 * The running kiosk on one scene: the shell, the idle timer that sends everything back to the sign-in
 * screen, the admin exit chord, and Enter on focused buttons. Tests build it exactly as the app does.
 */
public final class Kiosk {
    public static final String STYLESHEET = Objects.requireNonNull(
            Kiosk.class.getResource("kiosk.css"), "kiosk.css").toExternalForm();

    private final KioskShell shell;
    private final Scene scene;
    private final IdleTimer idle;
    private final AdminExit adminExit;

    public Kiosk(KioskServices services, AdminPin pin, Runnable exit, double width, double height) {
        Themes.apply(ThemeMode.LIGHT);
        shell = new KioskShell(services);
        scene = new Scene(shell.root(), width, height);
        Themes.style(scene, STYLESHEET);
        EnterActivatesFocusedButton.install(scene);
        idle = new IdleTimer(services.idle(), services.background().busyProperty(), shell::resetForNextPerson);
        idle.install(scene);
        adminExit = new AdminExit(pin, services.i18n(), shell.overlays(), exit, services.clock());
        adminExit.install(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && !adminExit.isOpen()) {
                event.consume();
                shell.escape();
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public KioskShell shell() {
        return shell;
    }

    public AdminExit adminExit() {
        return adminExit;
    }

    /** Stops the idle timer (the app is closing, or a test is done). */
    public void stop() {
        idle.stop();
    }
}
