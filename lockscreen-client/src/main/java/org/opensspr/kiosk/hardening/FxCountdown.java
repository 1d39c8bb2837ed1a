package org.opensspr.kiosk.hardening;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Countdown} on JavaFX's animation clock. */
final class FxCountdown implements Countdown {
    private final PauseTransition pause;

    FxCountdown(java.time.Duration timeout) {
        pause = new PauseTransition(Duration.millis(timeout.toMillis()));
    }

    @Override
    public void restart() {
        pause.playFromStart();
    }

    @Override
    public void stop() {
        pause.stop();
    }

    @Override
    public void whenFinished(Runnable action) {
        pause.setOnFinished(e -> action.run());
    }
}
