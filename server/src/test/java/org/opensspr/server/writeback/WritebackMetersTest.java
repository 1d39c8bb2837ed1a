package org.opensspr.server.writeback;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.metrics.WritebackMeters;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every directory call is timed once, under its operation and what it came to, whichever way it is made. */
class WritebackMetersTest {
    private static final OnPremAccount ALICE = new OnPremAccount("user-alice", "alice@example.test");
    private final ServerClock clock = ServerClock.movable(Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"),
            ZoneOffset.UTC));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Deque<Supplier<WritebackResult>> answers = new ArrayDeque<>();

    @Test
    void eachCallCountsUnderItsOperationAndOutcome() {
        try (Database db = TestDatabases.H2.fresh()) {
            WritebackIntents intents = new WritebackIntents(db, clock);
            Writeback writeback = new Writeback(new Scripted(), intents, new WritebackMeters(registry));
            answers.add(() -> WritebackResult.DONE);
            answers.add(() -> new WritebackResult.RejectedByPolicy("0000052D: password too short"));
            answers.add(() -> WritebackResult.NOT_FOUND);
            answers.add(() -> new WritebackResult.Unavailable("connection refused"));
            answers.add(() -> new WritebackResult.Unavailable("timed out waiting for the reply", true));
            answers.add(() -> {
                throw new IllegalStateException("a bug in the port");
            });

            writeback.reset(ALICE, "New-Passw0rd!", "flow-1");
            writeback.changePassword(ALICE, "Old-Passw0rd", "New-Passw0rd!", "flow-2");
            writeback.unlock(ALICE, "flow-3");
            WritebackIntent intent = db.inTransaction(tx -> writeback.intend(tx, ALICE, "flow-4", WritebackOperation.RESET));
            writeback.perform(intent, ALICE, "New-Passw0rd!");
            writeback.unlock(ALICE, "flow-5");
            assertThatThrownBy(() -> writeback.reset(ALICE, "New-Passw0rd!", "flow-6"))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(calls("reset", "done")).isEqualTo(1);
            assertThat(calls("change", "rejected")).isEqualTo(1);
            assertThat(calls("unlock", "not_found")).isEqualTo(1);
            assertThat(calls("reset", "unreachable")).as("through perform, as a reset flow calls").isEqualTo(1);
            assertThat(calls("unlock", "unknown")).isEqualTo(1);
            assertThat(calls("reset", "unknown")).as("the call that threw").isEqualTo(1);
            assertThat(registry.get("opensspr.writeback").timers().stream().mapToLong(t -> t.count()).sum())
                    .isEqualTo(6);
        }
    }

    private long calls(String operation, String outcome) {
        return registry.get("opensspr.writeback").tag("operation", operation).tag("outcome", outcome).timer().count();
    }

    /** A directory that answers the next scripted answer, whatever it is asked. */
    private final class Scripted implements PasswordWriteback {
        @Override
        public WritebackResult resetPassword(OnPremAccount account, String newPassword, boolean mustChange) {
            return answers.removeFirst().get();
        }

        @Override
        public WritebackResult unlock(OnPremAccount account) {
            return answers.removeFirst().get();
        }

        @Override
        public WritebackResult changePassword(OnPremAccount account, String currentPassword, String newPassword) {
            return answers.removeFirst().get();
        }

        @Override
        public Optional<AccountState> read(OnPremAccount account) {
            return Optional.empty();
        }

        @Override
        public Duration longestCall() {
            return Duration.ofSeconds(10);
        }
    }
}
