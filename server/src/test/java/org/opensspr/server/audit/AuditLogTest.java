package org.opensspr.server.audit;

import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Page;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.api.AuditActivity.BLOCKED_FROM_SSPR;
import static org.opensspr.api.AuditActivity.RESET_PASSWORD_SELF_SERVICE;
import static org.opensspr.api.AuditActivity.SSPR_POLICY_CHANGES;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;

class AuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-03T10:15:30.123456Z");

    @OnBothDatabases
    void anEntryCommitsOrRollsBackWithTheCallersTransaction(Database db) {
        AuditLog log = new AuditLog(db, Clock.fixed(T0, ZoneOffset.UTC), AuditSeals.fixed());

        db.inTransactionDo(tx -> log.append(tx, AuditEntry.success(SSPR_POLICY_CHANGES, "admin@contoso.example",
                "SSPR policy").withDetails("{\"version\":1}")));
        assertThatThrownBy(() -> db.inTransactionDo(tx -> {
            log.append(tx, AuditEntry.success(SSPR_POLICY_CHANGES, "admin@contoso.example", "SSPR policy"));
            throw new IllegalStateException("the change being recorded failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(db.dsl().fetchCount(AUDIT_EVENT)).isEqualTo(1);
        AuditEventDto stored = log.query(AuditQuery.all(), 0, 10).items().getFirst();
        assertThat(stored).isEqualTo(new AuditEventDto(stored.id(), T0, SSPR_POLICY_CHANGES,
                "admin@contoso.example", "SSPR policy", null, AuditResult.SUCCESS, "", "{\"version\":1}", null));
        assertThat(db.dsl().fetchValue(AUDIT_EVENT.ACTIVITY))
                .isEqualTo("Self-service password reset policy changes");
    }

    @OnBothDatabases
    void filtersByEachPartAndTheirCombination(Database db) {
        ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
        AuditLog log = new AuditLog(db, clock, AuditSeals.fixed());
        long policy = log.record(AuditEntry.success(SSPR_POLICY_CHANGES, "admin@contoso.example", "SSPR policy"));
        clock.advance(Duration.ofMinutes(1));
        long blocked = log.record(AuditEntry.failure(BLOCKED_FROM_SSPR, "alice@contoso.example",
                "alice@contoso.example", "5 failed identity proofs in 24 hours").withKiosk("kiosk-1"));
        clock.advance(Duration.ofMinutes(1));
        long reset = log.record(AuditEntry.success(RESET_PASSWORD_SELF_SERVICE, "Bob@Contoso.example",
                "bob@contoso.example").withKiosk("kiosk-1"));
        clock.advance(Duration.ofMinutes(1));
        long failedReset = log.record(AuditEntry.failure(RESET_PASSWORD_SELF_SERVICE, "alice@contoso.example",
                "alice@contoso.example", "Password rejected by the banned list"));

        assertThat(ids(log, AuditQuery.all())).containsExactly(failedReset, reset, blocked, policy);
        assertThat(ids(log, AuditQuery.all().withActivity(RESET_PASSWORD_SELF_SERVICE)))
                .containsExactly(failedReset, reset);
        assertThat(ids(log, AuditQuery.all().withActor("ALICE@contoso.example")))
                .containsExactly(failedReset, blocked);
        assertThat(ids(log, AuditQuery.all().withActor("bob@contoso.example"))).containsExactly(reset);
        assertThat(ids(log, AuditQuery.all().withTarget("alice@contoso.example")))
                .containsExactly(failedReset, blocked);
        assertThat(ids(log, AuditQuery.all().withResult(AuditResult.FAILURE)))
                .containsExactly(failedReset, blocked);
        assertThat(ids(log, AuditQuery.all().between(T0.plus(Duration.ofMinutes(1)),
                T0.plus(Duration.ofMinutes(3))))).containsExactly(reset, blocked);
        assertThat(ids(log, AuditQuery.all().between(T0.plus(Duration.ofSeconds(61)), null)))
                .containsExactly(failedReset, reset);
        assertThat(ids(log, AuditQuery.all().withActivity(RESET_PASSWORD_SELF_SERVICE)
                .withResult(AuditResult.SUCCESS).withActor("bob@contoso.example"))).containsExactly(reset);
        assertThat(ids(log, AuditQuery.all().withActivity(AuditActivity.USER_REGISTERED_FOR_SSPR))).isEmpty();

        AuditEventDto blockedEvent = log.query(AuditQuery.all().withActivity(BLOCKED_FROM_SSPR), 0, 1)
                .items().getFirst();
        assertThat(blockedEvent.kioskId()).isEqualTo("kiosk-1");
        assertThat(blockedEvent.failureReason()).isEqualTo("5 failed identity proofs in 24 hours");
        assertThat(blockedEvent.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    }

    @OnBothDatabases
    void pagesNewestFirstWithTheTotal(Database db) {
        ServerClock clock = ServerClock.movable(Clock.fixed(T0, ZoneOffset.UTC));
        AuditLog log = new AuditLog(db, clock, AuditSeals.fixed());
        List<Long> appended = IntStream.range(0, 7).mapToObj(i -> {
            // Two events share each instant: the id still orders them.
            if (i % 2 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            return log.record(AuditEntry.success(RESET_PASSWORD_SELF_SERVICE, "user" + i + "@contoso.example",
                    "user" + i + "@contoso.example"));
        }).toList();
        List<Long> newestFirst = appended.reversed();

        Page<AuditEventDto> first = log.query(AuditQuery.all(), 0, 3);
        Page<AuditEventDto> last = log.query(AuditQuery.all(), 2, 3);
        Page<AuditEventDto> beyond = log.query(AuditQuery.all(), 3, 3);

        assertThat(first.items()).extracting(AuditEventDto::id).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(log.query(AuditQuery.all(), 1, 3).items()).extracting(AuditEventDto::id)
                .containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(last.items()).extracting(AuditEventDto::id).containsExactly(newestFirst.get(6));
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first.total(), last.total(), beyond.total())).containsOnly(7L);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.hasNext()).isFalse();
        assertThat(log.query(AuditQuery.all().withActor("user3@contoso.example"), 0, 3).total()).isEqualTo(1);
    }

    @OnBothDatabases
    void overlongValuesAreCutToTheirColumnsInsteadOfFailingTheAction(Database db) {
        AuditLog log = new AuditLog(db, Clock.fixed(T0, ZoneOffset.UTC), AuditSeals.fixed());
        log.record(AuditEntry.failure(BLOCKED_FROM_SSPR, "a".repeat(400), "t".repeat(400), "r".repeat(2000))
                .withDetails("d".repeat(100_001)));

        AuditEventDto stored = log.query(AuditQuery.all(), 0, 1).items().getFirst();
        assertThat(stored.actor()).hasSize(320);
        assertThat(stored.target()).hasSize(320);
        assertThat(stored.failureReason()).hasSize(1024);
        assertThat(stored.details()).hasSize(100_000);
    }

    private static List<Long> ids(AuditLog log, AuditQuery query) {
        return log.query(query, 0, 100).items().stream().map(AuditEventDto::id).toList();
    }
}
