package org.opensspr.ui.startup;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Start-up measurement for the packaging's benchmark and its AOT training run, off unless asked for with
 * {@code -Dopensspr.first-frame=report} (print one line once the first frame is on screen) or
 * {@code =exit} (print it, let the app settle for {@code -Dopensspr.first-frame.settle-ms}, default 2000,
 * then leave). The line: {@code opensspr first-frame app=… epoch-ms=… rss-kb=…}; the benchmark subtracts its own
 * launch time from {@code epoch-ms} (the process's start time from the system is only as precise as a second).
 */
public final class FirstFrame {
    public static final String PROPERTY = "opensspr.first-frame";

    private FirstFrame() {
    }

    /** Call before {@code stage.show()}, on the FX thread; does nothing unless the property asks. */
    public static void watch(Stage stage, String app) {
        String mode = System.getProperty(PROPERTY, "").strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("report") && !mode.equals("exit")) {
            return;
        }
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, shown -> new AnimationTimer() {
            private int pulses;

            // The pulse after the window is shown draws its first frame; the one after that starts only once
            // the renderer finished it, so the second tick is the first moment the frame is surely on screen.
            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                report(app, System.out);
                if (mode.equals("exit")) {
                    PauseTransition settle = new PauseTransition(Duration.millis(Long.getLong(PROPERTY + ".settle-ms", 2000)));
                    settle.setOnFinished(done -> Platform.exit());
                    settle.play();
                }
            }
        }.start());
    }

    static void report(String app, PrintStream out) {
        out.printf(Locale.ROOT, "opensspr first-frame app=%s epoch-ms=%d rss-kb=%d%n",
                app, System.currentTimeMillis(), residentKilobytes());
        out.flush();
    }

    /** The process's resident set from {@code /proc/self/status} (Linux), or -1 where there is none. */
    static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
            return -1;
        }
        return -1;
    }
}
