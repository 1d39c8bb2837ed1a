package org.opensspr.kiosk.hardening;

import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Full screen without window chrome: no title bar, no close button, Escape doesn't leave full screen,
 * no "press Esc to exit" hint, and closing the window (Alt+F4) is refused. The admin chord is the way out.
 */
public final class KioskWindow {
    private KioskWindow() {
    }

    /** Call before the stage is first shown. {@code windowed} is for development only. */
    public static void harden(Stage stage, boolean windowed) {
        stage.setTitle("OpenSSPR");
        if (windowed) {
            return;
        }
        stage.initStyle(StageStyle.UNDECORATED);
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setAlwaysOnTop(true);
        stage.setOnCloseRequest(event -> event.consume());
        // Leaving full screen by any other means (a window manager's key) puts it back.
        stage.fullScreenProperty().addListener((o, was, now) -> {
            if (!now) {
                stage.setFullScreen(true);
            }
        });
    }
}
