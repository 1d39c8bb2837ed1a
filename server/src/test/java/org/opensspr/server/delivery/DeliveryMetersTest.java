package org.opensspr.server.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.opensspr.server.crypto.SecretBox;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.metrics.DeliveryMeters;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker counts every attempt that didn't hand a message over once, by channel and reason, and times every
 * handover: couriers that take, refuse, fail for now or don't exist, a lost text, and a code that expired waiting.
 */
class DeliveryMetersTest {
    private static final Instant T0 = Instant.parse("2026-12-06T09:00:00Z");
    private static final RetrySchedule TWO_TRIES = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 2,
            Duration.ofMinutes(5));

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
    private final Outbox outbox = new Outbox(clock, SecretBox.withKey(new byte[SecretBox.KEY_BYTES]));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void eachOutcomeCountsOnceByChannelAndReason() {
        Courier taking = message -> { };
        Courier refusing = message -> {
            throw DeliveryException.permanent("21211 invalid number");
        };
        Courier down = message -> {
            throw DeliveryException.temporary("503 try later");
        };
        try (Database db = TestDatabases.H2.fresh()) {
            DeliveryWorker worker = new DeliveryWorker(db, outbox, Couriers.of(Map.of(Channel.EMAIL, taking,
                    Channel.SMS, refusing, Channel.VOICE, down)), clock, TWO_TRIES, 20)
                    .measuredBy(new DeliveryMeters(registry));
            long mail = db.inTransaction(tx -> outbox.enqueue(tx, new EmailMessage("ana@fabrikam.example", "Hi", "Hi")));
            for (Channel channel : new Channel[]{Channel.SMS, Channel.VOICE, Channel.PUSH}) {
                db.inTransactionDo(tx -> outbox.enqueueSecret(tx, channel, "+14155550100", "", "Code 12345678", "en",
                        T0.plus(Duration.ofMinutes(5))));
            }

            worker.deliverDueNow();
            assertThat(handovers("email")).isEqualTo(1);
            assertThat(handovers("sms") + handovers("voice") + handovers("push")).isZero();
            assertThat(failures("sms", "refused")).isEqualTo(1);
            assertThat(failures("voice", "temporary")).isEqualTo(1);
            assertThat(failures("push", "no_courier")).isEqualTo(1);
            assertThat(allFailures()).isEqualTo(3);

            clock.advance(Duration.ofSeconds(1));
            worker.deliverDueNow();
            assertThat(failures("voice", "retries_exhausted")).as("the second and last try").isEqualTo(1);
            assertThat(failures("voice", "temporary")).isEqualTo(1);

            worker.failedAfterHandover(mail, "the carrier reported it undelivered");
            worker.failedAfterHandover(mail, "a repeated report");
            assertThat(failures("email", "lost_after_handover")).as("once").isEqualTo(1);
            assertThat(allFailures()).isEqualTo(5);
        }
    }

    @Test
    void aCodeWhoseTimeRanOutWhileItWaitedFailsAsExpired() {
        Courier down = message -> {
            throw DeliveryException.temporary("503 try later");
        };
        try (Database db = TestDatabases.H2.fresh()) {
            DeliveryWorker worker = new DeliveryWorker(db, outbox, Couriers.of(Map.of(Channel.SMS, down)), clock,
                    RetrySchedule.DEFAULT, 20).measuredBy(new DeliveryMeters(registry));
            db.inTransactionDo(tx -> outbox.enqueueSecret(tx, Channel.SMS, "+14155550100", "", "Code 12345678", "en",
                    T0.plus(Duration.ofMinutes(5))));
            worker.deliverDueNow();

            clock.advance(Duration.ofMinutes(5));
            worker.forgetExpiredSecrets();
            worker.forgetExpiredSecrets();

            assertThat(failures("sms", "expired")).isEqualTo(1);
            assertThat(failures("sms", "temporary")).isEqualTo(1);
            assertThat(allFailures()).isEqualTo(2);
        }
    }

    private long handovers(String channel) {
        return registry.get("opensspr.delivery").tag("channel", channel).timer().count();
    }

    private double failures(String channel, String reason) {
        return registry.get("opensspr.delivery.failures").tag("channel", channel).tag("reason", reason).counter().count();
    }

    private double allFailures() {
        return registry.get("opensspr.delivery.failures").counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
