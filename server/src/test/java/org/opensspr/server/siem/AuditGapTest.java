package org.opensspr.server.siem;

import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.siem.SiemTesting.auditLog;
import static org.opensspr.server.siem.SiemTesting.event;
import static org.opensspr.server.siem.SiemTesting.forwarder;
import static org.opensspr.server.siem.SiemTesting.plainTcp;

/**
 * Identity ids become visible in commit order, not id order: a lower id whose transaction commits late must
 * be waited for, never skipped, and an id whose transaction rolled back must not hold forwarding up forever.
 */
class AuditGapTest {

    @OnBothDatabases
    void aLowerIdStillInAnOpenTransactionIsWaitedForNotSkipped(Database database) throws Exception {
        AuditLog log = auditLog(database);
        try (FakeCollector collector = FakeCollector.plain();
             SiemForwarder forwarder = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON));
             OpenTransaction open = OpenTransaction.appending(database, log)) {
            long later = log.record(event(2)); // committed while the lower id is still open

            assertThat(later).isGreaterThan(open.id());
            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.WAITING);
            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.WAITING);
            assertThat(collector.ids()).isEmpty();
            assertThat(forwarder.forwardedThrough()).isLessThan(open.id());

            open.commit();

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);
            assertThat(collector.ids()).containsExactly(open.id(), later);
        }
    }

    @OnBothDatabases
    void anIdWhoseTransactionRolledBackIsPassed(Database database) throws Exception {
        AuditLog log = auditLog(database);
        long first = log.record(event(0));
        try (OpenTransaction open = OpenTransaction.appending(database, log)) {
            open.rollBack();
        }
        long third = log.record(event(2));
        try (FakeCollector collector = FakeCollector.plain();
             SiemForwarder forwarder = forwarder(database, plainTcp(collector.port(), SiemFormat.JSON))) {

            assertThat(forwarder.forwardNow()).isEqualTo(SiemForwarder.Outcome.CAUGHT_UP);

            assertThat(collector.ids()).containsExactly(first, third);
            assertThat(forwarder.forwardedThrough()).isEqualTo(third);
        }
        assertThat(database.dsl().fetchCount(AUDIT_EVENT)).as("no placeholder of the probe stays").isEqualTo(2);
    }

    @OnBothDatabases
    void theProbeTellsOpenCommittedAndNeverCommittedApartAndLeavesNothingBehind(Database database) throws Exception {
        AuditLog log = auditLog(database);
        GapProbe probe = new GapProbe(database, Clock.systemUTC(), Duration.ofMillis(200));
        long openId;
        try (OpenTransaction open = OpenTransaction.appending(database, log)) {
            openId = open.id();
            assertThat(probe.probe(openId, openId)).isEqualTo(GapProbe.Verdict.OPEN);
            open.commit();
        }
        assertThat(probe.probe(openId, openId)).isEqualTo(GapProbe.Verdict.COMMITTED);
        long rolledBack;
        try (OpenTransaction open = OpenTransaction.appending(database, log)) {
            rolledBack = open.id();
            open.rollBack();
        }
        assertThat(probe.probe(rolledBack, rolledBack + 5)).isEqualTo(GapProbe.Verdict.NEVER_COMMITTED);
        assertThat(database.dsl().selectFrom(AUDIT_EVENT).fetch(AUDIT_EVENT.ID)).containsExactly(openId);
        if (database.dialect() == org.jooq.SQLDialect.H2) {
            List<Object> timeouts = List.of(database.dsl().fetchValue("SELECT LOCK_TIMEOUT()"),
                    database.dsl().fetchValue("SELECT LOCK_TIMEOUT()"));
            assertThat(timeouts).as("H2's lock timeout is back to its default on the pooled sessions")
                    .allMatch(value -> ((Number) value).intValue() != 200);
        }
    }

    /** An audit event appended in a transaction another thread keeps open until told to commit or roll back. */
    private static final class OpenTransaction implements AutoCloseable {
        private final CountDownLatch appended = new CountDownLatch(1);
        private final CountDownLatch decided = new CountDownLatch(1);
        private final CompletableFuture<Void> done;
        private volatile long id;
        private volatile boolean commit;

        private OpenTransaction(Database database, AuditLog log) {
            done = CompletableFuture.runAsync(() -> {
                try {
                    database.inTransactionDo(tx -> {
                        id = log.append(tx, event(1));
                        appended.countDown();
                        await(decided);
                        if (!commit) {
                            throw new IllegalStateException("rolled back on purpose");
                        }
                    });
                } catch (IllegalStateException rolledBack) {
                    // as asked
                }
            }, runnable -> Thread.ofPlatform().daemon().start(runnable));
        }

        static OpenTransaction appending(Database database, AuditLog log) throws InterruptedException {
            OpenTransaction open = new OpenTransaction(database, log);
            assertThat(open.appended.await(10, TimeUnit.SECONDS)).isTrue();
            return open;
        }

        long id() {
            return id;
        }

        void commit() throws Exception {
            commit = true;
            decided.countDown();
            done.get(10, TimeUnit.SECONDS);
        }

        void rollBack() throws Exception {
            decided.countDown();
            done.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            decided.countDown();
            done.get(10, TimeUnit.SECONDS);
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
