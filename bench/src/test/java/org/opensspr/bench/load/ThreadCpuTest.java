package org.opensspr.bench.load;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's CPU told apart by its threads, read from this JVM's own /proc entry. */
class ThreadCpuTest {

    @Test
    void aThreadsCpuCountsToTheKindItsNameTells() throws Exception {
        ThreadCpu before = ThreadCpu.of(Path.of("/proc/self")).orElseThrow();
        // Named as PasswordHasher names its threads; it burns 300 ms of its own CPU (however busy the machine) and
        // stays alive for the second reading.
        var done = new java.util.concurrent.CountDownLatch(1);
        var read = new java.util.concurrent.CountDownLatch(1);
        Thread hashing = Thread.ofPlatform().name("argon2id-77").start(() -> {
            var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long until = cpu.getCurrentThreadCpuTime() + 300_000_000L;
            long sink = 0;
            while (cpu.getCurrentThreadCpuTime() < until) {
                sink += Long.numberOfTrailingZeros(sink + 1);
            }
            done.countDown();
            try {
                read.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        done.await();
        ThreadCpu after = ThreadCpu.of(Path.of("/proc/self")).orElseThrow();
        read.countDown();
        hashing.join();

        Map<ThreadCpu.Kind, Long> used = after.since(before);

        assertThat(used).containsOnlyKeys(ThreadCpu.Kind.values());
        // What it burnt, in /proc's 10 ms ticks.
        assertThat(used.get(ThreadCpu.Kind.HASHING)).isBetween(280_000_000L, 2_000_000_000L);
        assertThat(before.since(before).values()).allMatch(nanos -> nanos == 0);
    }

    @Test
    void aThreadThatEndedBetweenTheReadingsIsNamedByItsKind() throws Exception {
        var started = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        Thread hashing = Thread.ofPlatform().name("argon2id-78").start(() -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        started.await();
        ThreadCpu before = ThreadCpu.of(Path.of("/proc/self")).orElseThrow();
        assertThat(ThreadCpu.of(Path.of("/proc/self")).orElseThrow().ended(before)).doesNotContain(ThreadCpu.Kind.HASHING);

        release.countDown();
        hashing.join();
        // join() returns once Java marks the thread ended, which may be before the kernel removes its task entry.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        ThreadCpu after = ThreadCpu.of(Path.of("/proc/self")).orElseThrow();
        while (!after.ended(before).contains(ThreadCpu.Kind.HASHING) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            after = ThreadCpu.of(Path.of("/proc/self")).orElseThrow();
        }

        assertThat(after.ended(before)).contains(ThreadCpu.Kind.HASHING);
    }

    @Test
    void namesAsTheJvmAndTheServerGiveThem() {
        assertThat(ThreadCpu.Kind.of("argon2id-1")).isEqualTo(ThreadCpu.Kind.HASHING);
        assertThat(ThreadCpu.Kind.of("ForkJoinPool-1-")).isEqualTo(ThreadCpu.Kind.REQUESTS);
        assertThat(ThreadCpu.Kind.of("C2 CompilerThre")).isEqualTo(ThreadCpu.Kind.JIT);
        assertThat(ThreadCpu.Kind.of("C1 CompilerThre")).isEqualTo(ThreadCpu.Kind.JIT);
        assertThat(ThreadCpu.Kind.of("GC Thread#0")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.Kind.of("G1 Conc#0")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.Kind.of("G1 Refine#0")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.Kind.of("VM Thread")).isEqualTo(ThreadCpu.Kind.GC);
        assertThat(ThreadCpu.Kind.of("opensspr-delive")).isEqualTo(ThreadCpu.Kind.DELIVERY);
        assertThat(ThreadCpu.Kind.of("opensspr-audit-")).isEqualTo(ThreadCpu.Kind.OTHER);
        assertThat(ThreadCpu.Kind.of("main")).isEqualTo(ThreadCpu.Kind.OTHER);
    }
}
