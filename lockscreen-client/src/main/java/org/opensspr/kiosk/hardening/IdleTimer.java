package org.opensspr.kiosk.hardening;

import javafx.beans.value.ObservableBooleanValue;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;

/**
 * Calls {@code onIdle} after a stretch without any key, click, mouse move, scroll or touch: a kiosk
 * left mid-reset must not hand the next person someone else's flow. While the kiosk waits for the
 * server the clock stands still — a slow answer is not the person walking away.
 */
public final class IdleTimer {
    private final Countdown countdown;
    private final ObservableBooleanValue waiting;
    private final EventHandler<InputEvent> activity = event -> restart();
    private boolean stopped; // for good: the kiosk is closing

    /**
     * @param countdown the idle time ({@link Countdown#of} the kiosk's {@code --idle-seconds})
     * @param waiting   true while a server call is under way
     */
    public IdleTimer(Countdown countdown, ObservableBooleanValue waiting, Runnable onIdle) {
        this.waiting = waiting;
        this.countdown = countdown;
        countdown.whenFinished(() -> {
            if (!stopped) {
                onIdle.run();
                restart();
            }
        });
        waiting.addListener((o, was, now) -> restart());
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
        if (stopped || waiting.get()) {
            countdown.stop();
        } else {
            countdown.restart();
        }
    }

    /** Stops for good: a call ending afterwards (the kiosk closing abandons its flow) doesn't start it again. */
    public void stop() {
        stopped = true;
        countdown.stop();
    }
}
