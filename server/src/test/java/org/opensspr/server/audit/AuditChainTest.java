package org.opensspr.server.audit;

import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditChainState.Problem;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.api.AuditActivity.RESET_PASSWORD_SELF_SERVICE;
import static org.opensspr.api.AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS;
import static org.opensspr.server.db.Tables.AUDIT_CHAIN_HEAD;
import static org.opensspr.server.db.Tables.AUDIT_CHECKPOINT;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

/** ADR 20: the chain proves an untouched log and names the first change someone made to it in the database. */
class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-11-03T10:15:30.123456Z");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));

    @OnBothDatabases
    void anUntouchedLogIsIntactWithItsHeadNamed(Database db) {
        Parts parts = new Parts(db);
        List<Long> ids = parts.write(5);

        assertThat(parts.chain.sealPending()).isEqualTo(5);
        AuditChainState state = parts.verifier.verify();

        assertThat(state.intact()).as(AuditChainReport.describe(state)).isTrue();
        assertThat(state.linksChecked()).isEqualTo(5);
        assertThat(state.firstLink()).isEqualTo(1);
        assertThat(state.lastLink()).isEqualTo(5);
        assertThat(state.headMac()).isEqualTo(db.dsl().fetchValue(AUDIT_CHAIN_HEAD.LAST_MAC)).hasSize(64);
        assertThat(db.dsl().select(AUDIT_EVENT.ID).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.CHAIN_SEQ)
                .fetch(AUDIT_EVENT.ID)).containsExactlyElementsOf(ids);

        parts.write(2);
        AuditChainState beforeSealing = parts.verifier.verify();
        assertThat(beforeSealing.intact()).isTrue();
        assertThat(beforeSealing.notLinkedYet()).isEqualTo(2);
        assertThat(parts.chain.sealPending()).isEqualTo(2);
        assertThat(parts.verifier.verify().lastLink()).isEqualTo(7);
    }

    @OnBothDatabases
    void aSealWithNothingToLinkTakesNoLockAndCommitsNothing(Database db) {
        Parts parts = new Parts(db);
        parts.write(3);
        assertThat(parts.chain.sealPending()).isEqualTo(3);
        long transactions = db.work().transactions();
        long statements = db.work().statements();

        assertThat(parts.chain.sealPending()).isZero();

        // The head's lock is a write on H2; an idle server seals every 2 s.
        assertThat(db.work().transactions()).as("no transaction, so no lock").isEqualTo(transactions);
        assertThat(db.work().statements() - statements).as("one look for events not linked").isEqualTo(1);
        parts.write(1);
        long beforeLinking = db.work().transactions();
        assertThat(parts.chain.sealPending()).isEqualTo(1);
        assertThat(db.work().transactions()).as("linking locks the head in a transaction").isGreaterThan(beforeLinking);
    }

    @OnBothDatabases
    void anEditedEventIsNamed(Database db) {
        Parts parts = new Parts(db);
        List<Long> ids = parts.write(6);
        parts.chain.sealPending();

        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.RESULT, "SUCCESS").set(AUDIT_EVENT.FAILURE_REASON, "")
                .where(AUDIT_EVENT.ID.eq(ids.get(3))).execute();
        AuditChainState state = parts.verifier.verify();

        assertThat(state.problem()).isEqualTo(Problem.EVENT_CHANGED);
        assertThat(state.eventId()).isEqualTo(ids.get(3));
        assertThat(state.fromLink()).isEqualTo(4);
        assertThat(state.linksChecked()).isEqualTo(3);
        assertThat(AuditChainReport.describe(state)).contains("event " + ids.get(3) + " (link 4) was changed");
    }

    @OnBothDatabases
    void anEditedEventWithItsMacRecomputedWithoutTheServersKeyIsNamed(Database db) {
        Parts parts = new Parts(db);
        List<Long> ids = parts.write(3);
        parts.chain.sealPending();
        byte[] anotherKey = new byte[32];
        java.util.Arrays.fill(anotherKey, (byte) 7);
        AuditSeal forger = AuditSeal.of(org.opensspr.server.crypto.SecretBox.withKey(anotherKey));
        var row = db.dsl().selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(ids.get(1))).fetchSingle();
        row.setActor("someone-else@contoso.example");
        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.ACTOR, row.getActor())
                .set(AUDIT_EVENT.ROW_MAC, forger.rowMac(AuditLog.contentOf(row)))
                .where(AUDIT_EVENT.ID.eq(ids.get(1))).execute();

        AuditChainState state = parts.verifier.verify();
        assertThat(state.problem()).isEqualTo(Problem.EVENT_CHANGED);
        assertThat(state.eventId()).isEqualTo(ids.get(1));
    }

    @OnBothDatabases
    void deletedEventsAreNamedAsMissingLinks(Database db) {
        Parts parts = new Parts(db);
        List<Long> ids = parts.write(8);
        parts.chain.sealPending();

        db.dsl().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.in(ids.get(2), ids.get(3))).execute();
        AuditChainState middle = parts.verifier.verify();
        assertThat(middle.problem()).isEqualTo(Problem.LINKS_MISSING);
        assertThat(List.of(middle.fromLink(), middle.toLink())).containsExactly(3L, 4L);
        assertThat(middle.eventId()).isEqualTo(ids.get(4));
        assertThat(AuditChainReport.describe(middle)).contains("links 3 to 4 are missing before event " + ids.get(4));

        db.dsl().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.eq(ids.get(7))).execute();
        db.dsl().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.le(ids.get(4))).execute();
        AuditChainState newest = parts.verifier.verify();
        // Links 1-4 gone too: the walk meets link 6 first.
        assertThat(newest.problem()).isEqualTo(Problem.LINKS_MISSING);
        assertThat(List.of(newest.fromLink(), newest.toLink())).containsExactly(1L, 5L);
    }

    @OnBothDatabases
    void theNewestEventsDeletedAreMissingAtTheHead(Database db) {
        Parts parts = new Parts(db);
        List<Long> ids = parts.write(4);
        parts.chain.sealPending();

        db.dsl().deleteFrom(AUDIT_EVENT).where(AUDIT_EVENT.ID.ge(ids.get(2))).execute();
        AuditChainState state = parts.verifier.verify();

        assertThat(state.problem()).isEqualTo(Problem.NEWEST_LINKS_MISSING);
        assertThat(List.of(state.fromLink(), state.toLink())).containsExactly(3L, 4L);
    }

    @OnBothDatabases
    void swappedLinksAreCaught(Database db) {
        Parts parts = new Parts(db);
        List<Long> ids = parts.write(4);
        parts.chain.sealPending();

        // Move event 2 to link 99, event 3 to link 2, then event 2 to link 3: the same links, another order.
        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.CHAIN_SEQ, 99L).where(AUDIT_EVENT.ID.eq(ids.get(1))).execute();
        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.CHAIN_SEQ, 2L).where(AUDIT_EVENT.ID.eq(ids.get(2))).execute();
        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.CHAIN_SEQ, 3L).where(AUDIT_EVENT.ID.eq(ids.get(1))).execute();
        AuditChainState state = parts.verifier.verify();

        assertThat(state.problem()).isEqualTo(Problem.LINK_ALTERED);
        assertThat(state.eventId()).isEqualTo(ids.get(2));
        assertThat(state.fromLink()).isEqualTo(2);
    }

    @OnBothDatabases
    void anEventInsertedByHandIsNamedWhetherLinkedOrNot(Database db) {
        Parts parts = new Parts(db);
        parts.write(2);
        parts.chain.sealPending();
        long forged = db.dsl().insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, T0.atOffset(ZoneOffset.UTC))
                .set(AUDIT_EVENT.ACTIVITY, RESET_PASSWORD_SELF_SERVICE.entraName())
                .set(AUDIT_EVENT.ACTOR, "mallory@contoso.example")
                .set(AUDIT_EVENT.ACTOR_KEY, "mallory@contoso.example")
                .set(AUDIT_EVENT.TARGET_KEY, "")
                .set(AUDIT_EVENT.RESULT, "SUCCESS")
                .set(AUDIT_EVENT.ROW_MAC, "")
                .returningResult(AUDIT_EVENT.ID).fetchOne().value1();

        AuditChainState unlinked = parts.verifier.verify();
        assertThat(unlinked.problem()).isEqualTo(Problem.EVENT_CHANGED);
        assertThat(unlinked.eventId()).isEqualTo(forged);

        parts.chain.sealPending();
        AuditChainState linked = parts.verifier.verify();
        assertThat(linked.problem()).isEqualTo(Problem.EVENT_CHANGED);
        assertThat(linked.eventId()).isEqualTo(forged);
        assertThat(linked.fromLink()).isEqualTo(3);
    }

    @OnBothDatabases
    void eventsFromBeforeTheChainAreAdoptedOnceUpToTheirBound(Database db) {
        Parts parts = new Parts(db);
        List<Long> old = parts.write(3);
        // As V32 leaves an upgraded database: earlier events without a MAC, the bound at the newest of them.
        db.dsl().update(AUDIT_EVENT).set(AUDIT_EVENT.ROW_MAC, "").execute();
        db.dsl().update(AUDIT_CHAIN_HEAD).set(AUDIT_CHAIN_HEAD.ADOPT_THROUGH_ID, old.getLast()).execute();

        parts.chain.sealPending();
        assertThat(parts.verifier.verify().intact()).isTrue();
        assertThat(db.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ROW_MAC.eq(""))).isZero();
    }

    @OnBothDatabases
    void retentionCutsTheChainAtASignedCheckpoint(Database db) {
        Parts parts = new Parts(db);
        List<Long> old = parts.write(4);
        clock.advance(Duration.ofDays(10));
        List<Long> recent = parts.write(3);
        clock.advance(Duration.ofDays(25));

        assertThat(parts.chain.cut(Duration.ofDays(30))).isEqualTo(4);
        assertThat(parts.chain.cut(Duration.ofDays(30))).isZero();

        assertThat(db.dsl().select(AUDIT_EVENT.ID).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ID))
                .containsExactlyElementsOf(recent).doesNotContainAnyElementsOf(old);
        assertThat(db.dsl().fetchValue(AUDIT_CHECKPOINT.EVENTS_REMOVED)).isEqualTo(4);
        AuditChainState state = parts.verifier.verify();
        assertThat(state.intact()).as(AuditChainReport.describe(state)).isTrue();
        assertThat(List.of(state.firstLink(), state.lastLink(), state.linksChecked())).containsExactly(5L, 7L, 3L);

        db.dsl().update(AUDIT_CHECKPOINT).set(AUDIT_CHECKPOINT.EVENTS_REMOVED, 0L).execute();
        AuditChainState forged = parts.verifier.verify();
        assertThat(forged.problem()).isEqualTo(Problem.CHECKPOINT_ALTERED);
        assertThat(forged.fromLink()).isEqualTo(4);
    }

    @OnBothDatabases
    void retentionNeverRemovesAnEventNewerThanTheCutoff(Database db) {
        Parts parts = new Parts(db);
        parts.write(2);
        parts.chain.sealPending();
        clock.advance(Duration.ofDays(31));
        long recent = parts.write(1).getFirst();
        parts.chain.sealPending();
        // An old event linked after the recent one (its transaction committed late) stays with it.
        AuditLog log = new AuditLog(db, Clock.fixed(T0, ZoneOffset.UTC), AuditSeals.fixed());
        long late = log.record(AuditEntry.success(SSPR_FLOW_ACTIVITY_PROGRESS, "late@contoso.example", "late"));

        assertThat(parts.chain.cut(Duration.ofDays(30))).isEqualTo(2);
        assertThat(db.dsl().select(AUDIT_EVENT.ID).from(AUDIT_EVENT).orderBy(AUDIT_EVENT.ID).fetch(AUDIT_EVENT.ID))
                .containsExactly(recent, late);
        assertThat(parts.verifier.verify().intact()).isTrue();
    }

    @OnBothDatabases
    void verifyingWhileOthersWriteSealAndCutSeesOneConsistentChain(Database db) throws Exception {
        Parts parts = new Parts(db);
        AuditChain otherServer = new AuditChain(db, clock, AuditSeals.fixed());
        // Mostly events already past retention, so the other server's cuts remove runs of them meanwhile.
        AuditLog pastRetention = new AuditLog(db, Clock.fixed(T0.minus(Duration.ofDays(40)), ZoneOffset.UTC),
                AuditSeals.fixed());
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> busy = List.of(
                Thread.ofPlatform().start(() -> {
                    for (int i = 0; !done.get(); i++) {
                        if (i % 5 == 4) {
                            parts.write(1);
                        } else {
                            pastRetention.record(AuditEntry.success(SSPR_FLOW_ACTIVITY_PROGRESS, "old@contoso.example",
                                    "old@contoso.example"));
                        }
                    }
                }),
                Thread.ofPlatform().start(() -> {
                    while (!done.get()) {
                        parts.chain.sealPending();
                    }
                }),
                Thread.ofPlatform().start(() -> {
                    while (!done.get()) {
                        otherServer.sealPending();
                        otherServer.cut(Duration.ofDays(30));
                    }
                }));
        try {
            // At least 30 rounds, and on until the others wrote 200 events and cut at least once (a fast machine
            // verifies quicker than they write); a minute at most.
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            for (int round = 0; round < 30 || db.dsl().fetchCount(AUDIT_EVENT) + removed(db) < 200
                    || db.dsl().fetchCount(AUDIT_CHECKPOINT) == 0; round++) {
                AuditChainState state = parts.verifier.verify();
                assertThat(state.intact()).as("round %d: %s", round, AuditChainReport.describe(state)).isTrue();
                assertThat(System.nanoTime()).as("the others got to write and cut").isLessThan(deadline);
            }
        } finally {
            done.set(true);
            for (Thread thread : busy) {
                thread.join();
            }
        }
        parts.chain.sealPending();
        AuditChainState end = parts.verifier.verify();
        assertThat(end.intact()).isTrue();
        assertThat(end.linksChecked()).isEqualTo(db.dsl().fetchCount(AUDIT_EVENT));
    }

    private static long removed(Database db) {
        Long removed = db.dsl().select(org.jooq.impl.DSL.sum(AUDIT_CHECKPOINT.EVENTS_REMOVED)).from(AUDIT_CHECKPOINT)
                .fetchOne(0, Long.class);
        return removed == null ? 0 : removed;
    }

    /** The parts under test over one database, all under the fixed test key. */
    private final class Parts {
        final AuditLog log;
        final AuditChain chain;
        final AuditChainVerifier verifier;

        Parts(Database db) {
            log = new AuditLog(db, clock, AuditSeals.fixed());
            chain = new AuditChain(db, clock, AuditSeals.fixed());
            verifier = new AuditChainVerifier(db, clock, AuditSeals.fixed());
        }

        List<Long> write(int count) {
            return IntStream.range(0, count).mapToObj(i -> log.record(i % 2 == 0
                    ? AuditEntry.success(RESET_PASSWORD_SELF_SERVICE, "user" + i + "@contoso.example",
                    "user" + i + "@contoso.example").withKiosk("kiosk-" + i)
                    : AuditEntry.failure(SSPR_FLOW_ACTIVITY_PROGRESS, "user" + i + "@contoso.example",
                    "user" + i + "@contoso.example", "wrong code").withDetails("{\"step\":" + i + "}"))).toList();
        }
    }
}
