package org.opensspr.kiosk.hardening;

import javafx.animation.PauseTransition;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.util.Duration;

/**
 * Calls {@code onIdle} after a stretch without any key, click, mouse move, scroll or touch: a kiosk
 * left mid-reset must not hand the next person someone else's flow.
 */
public final class IdleTimer {
    private final PauseTransition countdown;
    private final EventHandler<InputEvent> activity = event -> restart();

    public IdleTimer(java.time.Duration timeout, Runnable onIdle) {
        countdown = new PauseTransition(Duration.millis(timeout.toMillis()));
        countdown.setOnFinished(e -> {
            onIdle.run();
            restart();
        });
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        scene.addEventFilter(MouseEvent.MOUSE_MOVED, activity);
        scene.addEventFilter(ScrollEvent.ANY, activity);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, activity);
        restart();
    }

    public void restart() {
        countdown.playFromStart();
    }

    public void stop() {
        countdown.stop();
    }
}
