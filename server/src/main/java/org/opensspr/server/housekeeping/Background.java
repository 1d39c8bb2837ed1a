package org.opensspr.server.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a background executor and waits for its running task to end, so nothing touches the database
 * (or its files) after the server closed it. Not interrupted first: an interrupt in the middle of H2's file
 * I/O closes its channel.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    private Background() {
    }

    /** Lets the running task finish within {@code patience}, then interrupts it and waits a little more. */
    public static void stop(ExecutorService executor, String name, Duration patience) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("{} did not stop within {} s", name, patience.toSeconds() + 5);
                }
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
