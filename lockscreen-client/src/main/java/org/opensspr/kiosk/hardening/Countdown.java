package org.opensspr.kiosk.hardening;

/**
 * What the idle timer counts down with. The kiosk uses {@link #of} (JavaFX's animation clock); tests use
 * one they let run out when they choose, so no test waits out real time.
 */
public interface Countdown {

    /** Starts again from the full time; what was set with {@link #whenFinished} runs when it runs out. */
    void restart();

    void stop();

    /** Runs {@code action} on the JavaFX thread each time the countdown runs out. */
    void whenFinished(Runnable action);

    /** A countdown of {@code timeout} on JavaFX's animation clock. */
    static Countdown of(java.time.Duration timeout) {
        return new FxCountdown(timeout);
    }
}
