package org.opensspr.server.housekeeping;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Periodic clean-up: audit events past retention, expired admin sessions, old sign-in attempts, the
 * data directory's permissions. Each database task deletes with one statement, so several servers on
 * one database may run it safely.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    /** A named clean-up that returns how many rows (or files) it removed or changed. */
    public record Task(String name, IntSupplier run) {
    }

    private final List<Task> tasks;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "opensspr-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    public Housekeeping(List<Task> tasks) {
        this.tasks = List.copyOf(tasks);
        // Closing drops the next run rather than waiting for it.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public Housekeeping start(Duration every) {
        executor.scheduleWithFixedDelay(this::runOnce, 1, every.toSeconds(), TimeUnit.SECONDS);
        return this;
    }

    /** Runs every task once; a failing task is logged and the others still run. */
    public void runOnce() {
        for (Task task : tasks) {
            try {
                int removed = task.run().getAsInt();
                if (removed > 0) {
                    LOG.info("Housekeeping: {} ({} changed)", task.name(), removed);
                }
            } catch (RuntimeException e) {
                LOG.warn("Housekeeping: {} failed: {}", task.name(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        Background.stop(executor, "Housekeeping", Duration.ofSeconds(30));
    }
}
