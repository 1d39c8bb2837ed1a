package org.opensspr.kiosk;

import javafx.application.Platform;
import org.opensspr.kiosk.hardening.Countdown;
import org.testfx.util.WaitForAsyncUtils;

/** The idle time, run out by the test when it chooses: no test waits for real time to pass. */
final class ManualCountdown implements Countdown {
    private volatile boolean running;
    private volatile Runnable finished = () -> {
    };
    private volatile int restarts;

    @Override
    public void restart() {
        running = true;
        restarts++;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void whenFinished(Runnable action) {
        finished = action;
    }

    boolean running() {
        return running;
    }

    /** How often activity (or the end of a server call) started the countdown again. */
    int restarts() {
        return restarts;
    }

    /** The idle time runs out now, if the countdown is running (not while the kiosk waits for the server). */
    void runOut() {
        runOutAnd(() -> { });
    }

    /**
     * Runs out, then does {@code also} in the same turn of the FX thread: before any answer to what running out
     * started can arrive (a click while a poll is under way).
     */
    void runOutAnd(Runnable also) {
        WaitForAsyncUtils.asyncFx(() -> {
            if (running) {
                running = false;
                finished.run();
            }
            also.run();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
