package org.opensspr.server.insights;

import org.opensspr.api.AuditActivity;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.audit.AuditChain;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.audit.AuditSeals;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;
import org.opensspr.server.time.ServerClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.INSIGHTS_DURATION;
import static org.opensspr.server.db.Tables.INSIGHTS_HOURLY;
import static org.opensspr.server.db.Tables.INSIGHTS_PENDING_DURATION;

/** ADR 22: the sealer counts each self-service event into the rollups exactly once, whoever seals and however. */
class InsightsRollupTest {
    private static final Instant T0 = Instant.parse("2026-11-03T10:15:30Z");

    private final ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));

    @OnBothDatabases
    void twoSealersAtOnceCountEveryEventOnce(Database db) throws Exception {
        AuditLog log = AuditSeals.log(db, clock);
        // More than one seal batch, over three hours, with a policy change that isn't counted.
        int gates = 0;
        for (int i = 0; i < 2_400; i++) {
            if (i % 800 == 0) {
                clock.advance(Duration.ofHours(1));
            }
            if (i % 3 == 0) {
                log.record(AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, "u@x", "u@x")
                        .withElapsed(Duration.ofSeconds(i % 2 == 0 ? 20 : 4_000)));
            } else if (i % 3 == 1) {
                log.record(AuditEntry.failure(AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS, "u@x", "u@x", "WRONG_CODE")
                        .withMethod(AuthMethod.EMAIL));
                gates++;
            } else {
                log.record(AuditEntry.success(AuditActivity.SSPR_POLICY_CHANGES, "admin@x", "SSPR policy"));
            }
        }
        AuditChain first = new AuditChain(db, clock, AuditSeals.fixed(), new InsightsRollup());
        AuditChain second = new AuditChain(db, clock, AuditSeals.fixed(), new InsightsRollup());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sealed = new ArrayList<>();
            for (AuditChain chain : List.of(first, second)) {
                sealed.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return chain.sealPending();
                }));
            }
            start.countDown();
            assertThat(sealed.get(0).get() + sealed.get(1).get()).isEqualTo(2_400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(first.sealPending()).isZero();

        assertThat(sum(db, AuditActivity.RESET_PASSWORD_SELF_SERVICE)).isEqualTo(800);
        assertThat(sum(db, AuditActivity.SSPR_FLOW_ACTIVITY_PROGRESS)).isEqualTo(gates);
        assertThat(sum(db, AuditActivity.SSPR_POLICY_CHANGES)).isZero();
        assertThat(db.dsl().select(INSIGHTS_HOURLY.HOUR_START).from(INSIGHTS_HOURLY).fetch(INSIGHTS_HOURLY.HOUR_START)
                .stream().map(h -> h.toInstant()).distinct().count()).isEqualTo(3);
        assertThat(durations(db, 30)).isEqualTo(400);
        assertThat(durations(db, DurationBuckets.OPEN)).isEqualTo(400);
        assertThat(db.dsl().fetchCount(INSIGHTS_PENDING_DURATION)).isZero();
    }

    @OnBothDatabases
    void aSealThatFailsCountsNothingAndTheNextCountsOnce(Database db) {
        AuditLog log = AuditSeals.log(db, clock);
        for (int i = 0; i < 5; i++) {
            log.record(AuditEntry.success(AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE, "u@x", "u@x")
                    .withElapsed(Duration.ofSeconds(90)));
        }
        InsightsRollup rollup = new InsightsRollup();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        AuditChain chain = new AuditChain(db, clock, AuditSeals.fixed(), (tx, events) -> {
            rollup.linked(tx, events);
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("the database went away mid-seal");
            }
        });

        assertThatThrownBy(chain::sealPending).isInstanceOf(IllegalStateException.class);
        assertThat(db.dsl().fetchCount(INSIGHTS_HOURLY)).isZero();
        assertThat(chain.sealPending()).isEqualTo(5);
        assertThat(chain.sealPending()).isZero();

        assertThat(sum(db, AuditActivity.UNLOCK_USER_ACCOUNT_SELF_SERVICE)).isEqualTo(5);
        assertThat(durations(db, 120)).isEqualTo(5);
    }

    @OnBothDatabases
    void eventsLinkedBeforeTheRollupsExistedAreNotCounted(Database db) {
        AuditLog log = AuditSeals.log(db, clock);
        log.record(AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, "u@x", "u@x"));
        // As before V33: a sealer that counts nothing links the first event.
        new AuditChain(db, clock, AuditSeals.fixed()).sealPending();
        log.record(AuditEntry.success(AuditActivity.RESET_PASSWORD_SELF_SERVICE, "v@x", "v@x"));

        new AuditChain(db, clock, AuditSeals.fixed(), new InsightsRollup()).sealPending();

        assertThat(sum(db, AuditActivity.RESET_PASSWORD_SELF_SERVICE)).isEqualTo(1);
    }

    private static long sum(Database db, AuditActivity activity) {
        Number n = db.dsl().select(org.jooq.impl.DSL.sum(INSIGHTS_HOURLY.EVENTS)).from(INSIGHTS_HOURLY)
                .where(INSIGHTS_HOURLY.ACTIVITY.eq(activity.entraName())).fetchOne().value1();
        return n == null ? 0 : n.longValue();
    }

    private static long durations(Database db, long edge) {
        Number n = db.dsl().select(org.jooq.impl.DSL.sum(INSIGHTS_DURATION.COMPLETED)).from(INSIGHTS_DURATION)
                .where(INSIGHTS_DURATION.BUCKET_UPPER_SECONDS.eq(edge)).fetchOne().value1();
        return n == null ? 0 : n.longValue();
    }
}
