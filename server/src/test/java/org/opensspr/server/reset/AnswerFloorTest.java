package org.opensspr.server.reset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identify answer's floor on a clock the test moves: whatever the work took, the answer leaves at the
 * floor or, when the work took longer, at once — no test waits for real time to pass.
 */
class AnswerFloorTest {
    private static final Duration FLOOR = ResetFlows.IDENTIFY_FLOOR;

    @Property
    void theAnswerLeavesAtTheFloorOrWhenTheWorkIsDone(@ForAll @LongRange(min = 0, max = 2_000_000_000L) long workNanos,
                                                       @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long startNanos) {
        AtomicLong now = new AtomicLong(startNanos);
        List<Duration> waited = new ArrayList<>();
        AnswerFloor floor = new AnswerFloor(FLOOR, now::get, time -> {
            waited.add(time);
            now.addAndGet(time.toNanos());
        });

        long started = floor.start();
        now.addAndGet(workNanos);
        floor.holdFrom(started);

        assertThat(Duration.ofNanos(now.get() - started)).isEqualTo(workNanos < FLOOR.toNanos() ? FLOOR
                : Duration.ofNanos(workNanos));
        assertThat(waited).as("one wait at most, and none once the floor has passed")
                .hasSize(workNanos < FLOOR.toNanos() ? 1 : 0);
    }

    @Property(tries = 20)
    void anInterruptedWaitKeepsTheInterruptAndReturns(@ForAll @LongRange(min = 0, max = 399_000_000L) long workNanos) {
        AtomicLong now = new AtomicLong();
        AnswerFloor floor = new AnswerFloor(FLOOR, now::get, time -> {
            throw new InterruptedException("server stopping");
        });
        long started = floor.start();
        now.addAndGet(workNanos);

        floor.holdFrom(started);

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
    }
}
