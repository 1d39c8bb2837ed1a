package org.opensspr.server.throttle;

import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset step reads its user's throttle events once ({@link ThrottleStore#inTransactionReadingOnce}): what it records
 * counts in its own decision after its work without a second read, an answer found right reads afresh, and what
 * other transactions commit meanwhile counts from the next step's check on — never later.
 */
class ThrottleReadOnceTest {
    private static final String USER = ThrottleStore.userKey("kim");
    /** Five failed proofs within the window block the user (Entra's limit; ThrottlePurgeTest). */
    private static final int FAILED_PROOFS_THAT_BLOCK = 5;

    private final ThrottleStore throttles = new ThrottleStore();
    private final Instant now = Instant.now();

    @OnBothDatabases
    void whatAStepRecordsCountsInItsDecisionWithoutASecondRead(Database db) {
        failedProofs(db, FAILED_PROOFS_THAT_BLOCK - 1);

        throttles.inTransactionReadingOnce(db, tx -> {
            long before = db.work().statements();
            assertThat(throttles.forUser(tx, USER, now)).isInstanceOf(ThrottleDecision.Open.class);
            throttles.record(tx, USER, ThrottleEventKind.CODE_ENTRY_ATTEMPT, true, now);
            assertThat(throttles.forUser(tx, USER, now)).as("the fifth failed proof, recorded in this step")
                    .isInstanceOf(ThrottleDecision.Blocked.class);
            assertThat(db.work().statements() - before).as("one read and the insert").isEqualTo(2);

            throttles.record(tx, USER, ThrottleEventKind.COUNTERS_CLEARED, false, now.plusMillis(1));
            assertThat(throttles.forUser(tx, USER, now.plusMillis(1))).as("a completed reset clears the counters")
                    .isInstanceOf(ThrottleDecision.Open.class);
            return null;
        });
    }

    @OnBothDatabases
    void withoutTheScopeEveryDecisionReads(Database db) {
        failedProofs(db, FAILED_PROOFS_THAT_BLOCK - 1);
        db.inTransaction(tx -> {
            long before = db.work().statements();
            throttles.forUser(tx, USER, now);
            throttles.record(tx, USER, ThrottleEventKind.CODE_ENTRY_ATTEMPT, true, now);
            assertThat(throttles.forUser(tx, USER, now)).isInstanceOf(ThrottleDecision.Blocked.class);
            assertThat(db.work().statements() - before).isEqualTo(3);
            return null;
        });
    }

    @OnBothDatabases
    void anAttemptFoundRightIsReadAfresh(Database db) {
        failedProofs(db, FAILED_PROOFS_THAT_BLOCK - 1);
        throttles.inTransactionReadingOnce(db, tx -> {
            long attempt = throttles.record(tx, USER, ThrottleEventKind.SECURITY_QUESTION_ATTEMPT, true, now);
            assertThat(throttles.forUser(tx, USER, now)).isInstanceOf(ThrottleDecision.Blocked.class);
            throttles.succeeded(tx, attempt);
            assertThat(throttles.forUser(tx, USER, now)).as("the attempt turned out right")
                    .isInstanceOf(ThrottleDecision.Open.class);
            return null;
        });
    }

    @OnBothDatabases
    void anotherTransactionsEventCountsFromTheNextStepOn(Database db) {
        failedProofs(db, FAILED_PROOFS_THAT_BLOCK - 1);
        throttles.inTransactionReadingOnce(db, tx -> {
            assertThat(throttles.forUser(tx, USER, now)).isInstanceOf(ThrottleDecision.Open.class);
            // Another kiosk's failed proof commits while this step works.
            CompletableFuture.runAsync(() -> failedProofs(db, 1)).join();
            assertThat(throttles.forUser(tx, USER, now)).as("this step's reading")
                    .isInstanceOf(ThrottleDecision.Open.class);
            return null;
        });
        throttles.inTransactionReadingOnce(db, tx -> {
            assertThat(throttles.forUser(tx, USER, now)).as("the next step's check")
                    .isInstanceOf(ThrottleDecision.Blocked.class);
            return null;
        });
    }

    private void failedProofs(Database db, int count) {
        db.inTransactionDo(tx -> {
            for (int i = 0; i < count; i++) {
                throttles.record(tx, USER, ThrottleEventKind.CODE_ENTRY_ATTEMPT, true,
                        now.minus(Duration.ofMinutes(10 + i)));
            }
        });
    }
}
