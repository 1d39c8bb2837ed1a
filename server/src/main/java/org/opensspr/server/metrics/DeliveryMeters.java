package org.opensspr.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.opensspr.server.delivery.Channel;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Outbox delivery by channel: how long a relay or provider took to accept a message, and every attempt that didn't
 * end with it accepted. A few fixed buckets (not Micrometer's hundreds) let operators read a percentile per channel.
 */
public final class DeliveryMeters {
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30)};

    private final Map<Channel, Timer> handedOver = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<DeliveryFailure, Counter>> failures = new EnumMap<>(Channel.class);

    public DeliveryMeters(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            handedOver.put(channel, Timer.builder("opensspr.delivery")
                    .description("Time a relay or provider took to accept a message (successful handovers)")
                    .tag("channel", TagValues.of(channel)).serviceLevelObjectives(BUCKETS).register(registry));
            Map<DeliveryFailure, Counter> byReason = new EnumMap<>(DeliveryFailure.class);
            for (DeliveryFailure reason : DeliveryFailure.values()) {
                byReason.put(reason, Counter.builder("opensspr.delivery.failures")
                        .description("Delivery attempts that did not hand the message over, by reason")
                        .tag("channel", TagValues.of(channel)).tag("reason", TagValues.of(reason)).register(registry));
            }
            failures.put(channel, byReason);
        }
    }

    /** Counts and times nothing: for a worker built without the server's registry (tests, tools). */
    public static DeliveryMeters discarding() {
        return new DeliveryMeters(new CompositeMeterRegistry());
    }

    public void handedOver(Channel channel, long nanos) {
        handedOver.get(channel).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void failed(Channel channel, DeliveryFailure reason) {
        failures.get(channel).get(reason).increment();
    }

    public void failed(Channel channel, DeliveryFailure reason, int messages) {
        if (messages > 0) {
            failures.get(channel).get(reason).increment(messages);
        }
    }
}
