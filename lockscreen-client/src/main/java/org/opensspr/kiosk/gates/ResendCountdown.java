package org.opensspr.kiosk.gates;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.util.Duration;

import java.time.Clock;
import java.time.Instant;

/**
 * Seconds until "send a new code" is allowed, ticking once a second while the step is on screen.
 * The server says when (resendAvailableAt); the kiosk only counts down to it and the server still decides.
 */
public final class ResendCountdown {
    private final Clock clock;
    private final Instant availableAt;
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper(this, "secondsLeft");
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> update()));

    public ResendCountdown(Clock clock, Instant availableAt) {
        this.clock = clock;
        this.availableAt = availableAt;
        ticker.setCycleCount(Timeline.INDEFINITE);
        update();
    }

    public void start() {
        update();
        ticker.play();
    }

    public void stop() {
        ticker.stop();
    }

    private void update() {
        long left = availableAt == null ? 0
                : Math.max(0, (availableAt.toEpochMilli() - clock.millis() + 999) / 1000);
        secondsLeft.set(left);
        if (left == 0) {
            ticker.stop();
        }
    }

    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** "0:42" */
    public static String format(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
