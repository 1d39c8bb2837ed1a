package org.opensspr.server.throttle;

import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.throttling.Throttle;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.THROTTLE_EVENT;
import static org.opensspr.server.db.Tables.THROTTLE_SUBJECT;

/**
 * Housekeeping deletes the throttle events no throttle can count any more, and the lock rows of subjects left
 * without events, while a block in force, and the events it stands on, stay; a kiosk whose row went is
 * counted again as before.
 */
class ThrottlePurgeTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Instant CUTOFF = NOW.minus(ThrottleStore.KEPT);
    private static final String FORGOTTEN_USER = ThrottleStore.userKey("forgotten");
    private static final String BLOCKED_USER = ThrottleStore.userKey("blocked");
    private static final String IDLE_KIOSK = ThrottleStore.kioskKey("idle");
    private static final String BUSY_KIOSK = ThrottleStore.kioskKey("busy");

    private final ThrottleStore throttles = new ThrottleStore();

    @OnBothDatabases
    void oldEventsAndIdleSubjectsGoWhileLiveThrottlesHold(Database db) {
        Instant longAgo = CUTOFF.minus(Duration.ofMinutes(1));
        failedProofs(db, FORGOTTEN_USER, longAgo, 5);
        // Five failed proofs 23 hours ago: blocked for another hour. Their window began within what is kept.
        failedProofs(db, BLOCKED_USER, NOW.minus(Duration.ofHours(23)), 5);
        flowStarts(db, IDLE_KIOSK, longAgo, 3);
        // The busy kiosk's row is as old, but it started 30 flows in the last minutes: it waits.
        flowStarts(db, BUSY_KIOSK, longAgo, 1);
        flowStarts(db, BUSY_KIOSK, NOW.minus(Duration.ofMinutes(5)), Throttle.KIOSK_FLOW_STARTS.limit());
        assertThat(userDecision(db, BLOCKED_USER)).isInstanceOf(ThrottleDecision.Blocked.class);
        assertThat(kioskDecision(db, BUSY_KIOSK)).isInstanceOf(ThrottleDecision.Blocked.class);

        assertThat(throttles.purgeEventsBefore(db, CUTOFF)).as("the forgotten user's, the idle and busy kiosks' old")
                .isEqualTo(5 + 3 + 1);
        assertThat(throttles.purgeIdleSubjectsBefore(db, CUTOFF)).as("the idle kiosk's row").isEqualTo(1);

        assertThat(eventsOf(db, FORGOTTEN_USER)).isZero();
        assertThat(eventsOf(db, IDLE_KIOSK)).isZero();
        assertThat(eventsOf(db, BLOCKED_USER)).isEqualTo(5);
        assertThat(eventsOf(db, BUSY_KIOSK)).isEqualTo(Throttle.KIOSK_FLOW_STARTS.limit());
        assertThat(db.dsl().fetch(THROTTLE_SUBJECT).getValues(THROTTLE_SUBJECT.SUBJECT_KEY))
                .containsExactly(BUSY_KIOSK);
        assertThat(userDecision(db, BLOCKED_USER)).as("still blocked").isInstanceOf(ThrottleDecision.Blocked.class);
        assertThat(kioskDecision(db, BUSY_KIOSK)).as("still waiting").isInstanceOf(ThrottleDecision.Blocked.class);

        // The idle kiosk starts a flow again: its row is made anew and its start counted.
        flowStarts(db, IDLE_KIOSK, NOW, 1);
        assertThat(eventsOf(db, IDLE_KIOSK)).isEqualTo(1);
        assertThat(throttles.purgeEventsBefore(db, CUTOFF) + throttles.purgeIdleSubjectsBefore(db, CUTOFF)).isZero();
    }

    @OnBothDatabases
    void theOldestEventALiveBlockStandsOnIsKept(Database db) {
        // Five failed proofs within 24 hours, the first 47 hours ago: blocked until a minute from now.
        failedProofs(db, BLOCKED_USER, NOW.minus(Duration.ofHours(47)), 1);
        failedProofs(db, BLOCKED_USER, NOW.minus(Duration.ofHours(24)).plusSeconds(60), 4);
        assertThat(userDecision(db, BLOCKED_USER)).isInstanceOf(ThrottleDecision.Blocked.class);

        assertThat(throttles.purgeEventsBefore(db, CUTOFF)).isZero();

        assertThat(eventsOf(db, BLOCKED_USER)).isEqualTo(5);
        assertThat(userDecision(db, BLOCKED_USER)).isInstanceOf(ThrottleDecision.Blocked.class);
    }

    private void failedProofs(Database db, String user, Instant at, int count) {
        db.inTransactionDo(tx -> {
            for (int i = 0; i < count; i++) {
                throttles.record(tx, user, ThrottleEventKind.CODE_ENTRY_ATTEMPT, true, at.plusSeconds(i));
            }
        });
    }

    /** As a flow's start counts: in turn, under the kiosk's row. */
    private void flowStarts(Database db, String kiosk, Instant at, int count) {
        for (int i = 0; i < count; i++) {
            Instant start = at.plusSeconds(i);
            throttles.inTurn(db, kiosk, start, tx -> throttles.record(tx, kiosk, ThrottleEventKind.FLOW_STARTED, false, start));
        }
    }

    private ThrottleDecision userDecision(Database db, String user) {
        return db.inTransaction(tx -> throttles.forUser(tx, user, NOW));
    }

    private ThrottleDecision kioskDecision(Database db, String kiosk) {
        return db.inTransaction(tx -> throttles.forKiosk(tx, kiosk, NOW));
    }

    private static int eventsOf(Database db, String subject) {
        return db.dsl().fetchCount(THROTTLE_EVENT, THROTTLE_EVENT.SUBJECT_KEY.eq(subject));
    }
}
