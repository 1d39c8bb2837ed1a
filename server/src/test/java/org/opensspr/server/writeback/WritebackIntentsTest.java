package org.opensspr.server.writeback;

import org.jooq.exception.DataAccessException;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/** The writeback_intent table on H2 and PostgreSQL. */
class WritebackIntentsTest {
    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(START, ZoneOffset.UTC));

    @OnBothDatabases
    void beginCommitsAPendingIntentAtOnce(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);

        WritebackIntent begun = intents.begin("user-1", "flow-1", WritebackOperation.RESET);

        assertThat(intents.find(begun.id())).contains(new WritebackIntent(begun.id(), "user-1", "flow-1",
                WritebackOperation.RESET, IntentStatus.PENDING, START, null, ""));
        assertThat(begun).isEqualTo(intents.find(begun.id()).orElseThrow());
    }

    @OnBothDatabases
    void anIntentWithoutAFlowKeepsANullFlow(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);

        WritebackIntent begun = intents.begin("user-1", null, WritebackOperation.UNLOCK);

        assertThat(intents.find(begun.id()).orElseThrow().flowId()).isNull();
        assertThat(intents.find(begun.id()).orElseThrow().operation()).isEqualTo(WritebackOperation.UNLOCK);
    }

    @OnBothDatabases
    void anOutcomeIsRecordedOnceWithItsTime(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent begun = intents.begin("user-1", "flow-1", WritebackOperation.CHANGE);
        clock.advance(Duration.ofMillis(250));

        boolean first = intents.complete(begun.id(), IntentStatus.DONE, "");
        boolean second = intents.complete(begun.id(), IntentStatus.FAILED, "too late");

        WritebackIntent stored = intents.find(begun.id()).orElseThrow();
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(stored.status()).isEqualTo(IntentStatus.DONE);
        assertThat(stored.completedAt()).isEqualTo(START.plusMillis(250));
        assertThat(intents.complete("no-such-intent", IntentStatus.DONE, "")).isFalse();
    }

    @OnBothDatabases
    void pendingOlderThanListsOnlyPendingIntentsStrictlyPastTheAgeOldestFirst(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent first = intents.begin("user-1", null, WritebackOperation.RESET);
        WritebackIntent finished = intents.begin("user-2", null, WritebackOperation.RESET);
        intents.complete(finished.id(), IntentStatus.FAILED, "rejected");
        clock.advance(Duration.ofMinutes(1));
        WritebackIntent second = intents.begin("user-3", null, WritebackOperation.UNLOCK);
        Duration age = Duration.ofMinutes(10);

        clock.advance(Duration.ofMinutes(9));
        assertThat(intents.pendingOlderThan(age)).isEmpty();                // first is exactly 10 min old
        clock.advance(Duration.ofNanos(1000));
        assertThat(intents.pendingOlderThan(age)).extracting(WritebackIntent::id).containsExactly(first.id());
        clock.advance(Duration.ofMinutes(1));
        assertThat(intents.pendingOlderThan(age)).extracting(WritebackIntent::id)
                .containsExactly(first.id(), second.id());
    }

    @OnBothDatabases
    void markUnknownChangesOnlyAPendingIntent(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent done = intents.begin("user-1", null, WritebackOperation.RESET);
        intents.complete(done.id(), IntentStatus.DONE, "");
        WritebackIntent pending = intents.begin("user-2", null, WritebackOperation.RESET);
        clock.advance(Duration.ofHours(1));

        assertThat(intents.markUnknown(done.id(), "found pending")).isFalse();
        assertThat(intents.markUnknown(pending.id(), "found pending")).isTrue();

        assertThat(intents.find(done.id()).orElseThrow().status()).isEqualTo(IntentStatus.DONE);
        WritebackIntent unknown = intents.find(pending.id()).orElseThrow();
        assertThat(unknown.status()).isEqualTo(IntentStatus.UNKNOWN);
        assertThat(unknown.completedAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(unknown.detail()).isEqualTo("found pending");
        assertThat(intents.pendingOlderThan(Duration.ZERO)).isEmpty();
    }

    @OnBothDatabases
    void aLateAnswerFromTheDirectoryReplacesUnknown(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent intent = intents.begin("user-1", null, WritebackOperation.RESET);
        intents.markUnknown(intent.id(), "another server started");

        assertThat(intents.complete(intent.id(), IntentStatus.DONE, "")).isTrue();
        assertThat(intents.find(intent.id()).orElseThrow().status()).isEqualTo(IntentStatus.DONE);
    }

    @OnBothDatabases
    void aLongDetailIsClippedToTheColumn(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent intent = intents.begin("user-1", null, WritebackOperation.RESET);

        intents.complete(intent.id(), IntentStatus.FAILED, "x".repeat(5000));

        String detail = intents.find(intent.id()).orElseThrow().detail();
        assertThat(detail).hasSize(WritebackIntents.DETAIL_LENGTH).endsWith("…");
    }

    @OnBothDatabases
    void aUsersIntentsComeNewestFirst(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent older = intents.begin("user-1", null, WritebackOperation.UNLOCK);
        intents.begin("user-2", null, WritebackOperation.RESET);
        clock.advance(Duration.ofSeconds(1));
        WritebackIntent newer = intents.begin("user-1", null, WritebackOperation.RESET);

        assertThat(intents.forUser("user-1", 10)).extracting(WritebackIntent::id)
                .containsExactly(newer.id(), older.id());
        assertThat(intents.forUser("user-1", 1)).extracting(WritebackIntent::id).containsExactly(newer.id());
    }

    @OnBothDatabases
    void theSchemaRefusesAStatusOrOperationItDoesNotKnow(Database db) {
        assertThatThrownBy(() -> insert(db, "RESET", "MAYBE")).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> insert(db, "DELETE", "PENDING")).isInstanceOf(DataAccessException.class);
    }

    @OnBothDatabases
    void pendingIsNotAnOutcome(Database db) {
        WritebackIntents intents = new WritebackIntents(db, clock);
        WritebackIntent intent = intents.begin("user-1", null, WritebackOperation.RESET);

        assertThatThrownBy(() -> intents.complete(intent.id(), IntentStatus.PENDING, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void insert(Database db, String operation, String status) {
        db.dsl().insertInto(WRITEBACK_INTENT)
                .set(WRITEBACK_INTENT.ID, "x-" + operation + status)
                .set(WRITEBACK_INTENT.USER_ID, "user-1")
                .set(WRITEBACK_INTENT.OPERATION, operation)
                .set(WRITEBACK_INTENT.STATUS, status)
                .set(WRITEBACK_INTENT.CREATED_AT, OffsetDateTime.ofInstant(START, ZoneOffset.UTC))
                .execute();
    }
}
