package org.opensspr.server.housekeeping;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server closes its database right after its background work: a task still running then would reach a
 * closed pool, or make H2 write its files after the server said it stopped.
 */
class HousekeepingCloseTest {

    @Test
    void closingWaitsForTheRunningTaskAndStartsNoOther() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        Housekeeping housekeeping = new Housekeeping(List.of(new Housekeeping.Task("slow", () -> {
            runs.incrementAndGet();
            started.countDown();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
                Thread.onSpinWait();
            }
            finished.set(true);
            return 0;
        }))).start(Duration.ofSeconds(1));

        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        housekeeping.close();

        assertThat(finished).as("the task ran to its end before close returned").isTrue();
        assertThat(interrupted).as("the task was not interrupted").isFalse();
        Thread.sleep(1500);
        assertThat(runs).hasValue(1);
    }
}
